package org.yizhan.legalaid.rest.duty;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.service.duty.NewLawyer;

/** A lawyer to register. */
@Schema(name = "LawyerRequest")
public record LawyerRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "^[^0-9<>]*$", message = "姓名不能含数字或尖括号 / no digits or angle brackets")
        @Schema(required = true, description = "Stored encrypted, shown masked", maxLength = 50, example = "李明") String name,
        @NotBlank @Pattern(regexp = "^[0-9]{17}$", message = "律师执业证号为 17 位数字 / a licence number has 17 digits")
        @Schema(required = true, description = "律师执业证号 (17 digits)", maxLength = 17, example = "11101201910123456")
        String licenceNumber,
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, example = "北京市大兴区法律援助中心") String firm,
        @NotBlank @Size(max = 255) @Pattern(regexp = "^[A-Za-z0-9._:@|-]+$", message = "只能含字母、数字和 . _ : @ | - / letters, digits and . _ : @ | - only")
        @Schema(required = true, description = "The `sub` of the lawyer's token", maxLength = 255, example = "lawyer-li")
        String subject) {

    public NewLawyer toNew() {
        return new NewLawyer(name.strip(), licenceNumber, firm.strip(), subject);
    }
}
