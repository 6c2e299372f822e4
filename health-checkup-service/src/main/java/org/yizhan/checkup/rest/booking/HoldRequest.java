package org.yizhan.checkup.rest.booking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.service.booking.HoldRequestDetails;
import org.yizhan.events.Occupation;

/** A worker asks for a place in a slot; the rider id proves the occupation and is kept only as a keyed hash. */
@Schema(name = "HoldRequest")
public record HoldRequest(
        @NotNull @Schema(description = "The slot to hold a place in") java.util.UUID slotId,
        @NotNull Occupation occupation,
        @NotBlank @Size(max = 40) @Pattern(regexp = CODE, message = CODE_MESSAGE)
        @Schema(description = "The platform the worker rides or drives for", maxLength = 40, example = "meituan")
        String platform,
        @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE)
        @Schema(description = "The worker's id on that platform; stored only as a keyed hash (one checkup per person)",
                maxLength = 64, example = "MT-2231-8876")
        String riderId,
        @NotBlank @Size(max = 50) @Pattern(regexp = "^[^0-9<>]*$", message = "姓名不能含数字或尖括号 / no digits or angle brackets")
        @Schema(description = "For the clinic; stored encrypted", maxLength = 50, example = "张三") String name,
        @NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "须为 11 位大陆手机号 / an 11-digit mainland mobile number")
        @Schema(description = "Mainland mobile number, for the clinic; stored encrypted", maxLength = 11,
                example = "13812345678") String phone,
        @Schema(description = "When the slot (or this occupation's places at the site that day) is full, join the "
                + "site's waitlist for that day instead of getting 409: the answer is then 201 with status waitlist, "
                + "and a place given back there is offered (status pending, confirm before holdExpiresAt)",
                defaultValue = "false") Boolean waitlist) {

    static final String CODE = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String CODE_MESSAGE = "只能含字母、数字和 . _ - / letters, digits and . _ - only";

    boolean joinsWaitlistIfFull() {
        return Boolean.TRUE.equals(waitlist);
    }

    HoldRequestDetails toDetails() {
        return new HoldRequestDetails(occupation, platform, riderId, name, phone);
    }
}
