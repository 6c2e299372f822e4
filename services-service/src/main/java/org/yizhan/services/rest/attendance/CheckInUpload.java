package org.yizhan.services.rest.attendance;

import org.yizhan.services.rest.ApiLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Scans an organiser's device uploads, possibly long after they were taken offline. */
@Schema(name = "CheckInUpload", example = """
        {"checkIns":[{"pass":"eyJ0eXAiOiJ5aXpoYW4tY2hlY2staW4rand0IiwiYWxnIjoiSFMyNTYifQ.eyJqdGkiOiJ...",
                      "scannedAt":"2026-12-12T06:05:00Z"}]}""")
public record CheckInUpload(@NotNull @NotEmpty @Size(max = ApiLimits.CHECK_INS_MAX) List<@NotNull @Valid ScannedPass> checkIns) {

    /** One scan: the pass as read from the QR code and when it was scanned (the device's time). */
    public record ScannedPass(@NotBlank @Size(max = ApiLimits.PASS_MAX) String pass, @NotNull Instant scannedAt) {
    }
}
