package org.yizhan.checkup.rest.onsite;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.service.onsite.OnSiteService;

import java.time.Instant;
import java.util.List;

/** Passes a clinic's device scanned: one just now (online), or a batch scanned offline and uploaded later. */
@Schema(name = "ScanUpload", example = """
        {"scans":[{"pass":"eyJ0eXAiOiJ5aXpoYW4tY2hlY2t1cCtqd3QiLCJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJ...",
                   "scannedAt":"2026-12-12T01:05:00Z"}]}""")
public record ScanUpload(@NotNull @NotEmpty @Size(max = MAX_SCANS) @Schema(maxItems = MAX_SCANS)
                         List<@NotNull @Valid ScannedPass> scans) {

    static final int MAX_SCANS = 500;
    static final int PASS_MAX = 1000;

    /** One scan: the pass as read from the QR code and when it was scanned (the device's time). */
    @Schema(name = "ScannedPass")
    public record ScannedPass(@NotBlank @Size(max = PASS_MAX) @Schema(maxLength = PASS_MAX) String pass,
                              @NotNull @Schema(description = "When the device scanned it (kept as the arrival time)")
                              Instant scannedAt) {
    }

    List<OnSiteService.Scan> toScans() {
        return scans.stream().map(s -> new OnSiteService.Scan(s.pass(), s.scannedAt())).toList();
    }
}
