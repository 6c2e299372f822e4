package org.yizhan.checkup.service.booking;

import org.yizhan.checkup.domain.campaign.Campaign;

import java.util.List;

/**
 * What a worker agrees to before booking (PIPL Art. 29, separate consent for sensitive data): which
 * clinics receive their name and phone, for what, and how long the union keeps them. The version
 * changes whenever the campaign does, so a consent always names the terms it was given to.
 */
public record ConsentTerms(String version, List<String> sharedWith, String purpose, int retentionDaysAfterCampaign) {

    public static ConsentTerms of(Campaign campaign, int retentionDays) {
        return new ConsentTerms(campaign.id.toString().substring(0, 8) + "." + campaign.version,
                List.of(campaign.clinics),
                "安排免费健康体检并在现场核验身份；体检结果只由体检机构保存 / to arrange the free checkup and check the "
                        + "worker's identity on site; results stay with the clinic",
                retentionDays);
    }
}
