package org.yizhan.legalaid.rest.relief;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;
import org.yizhan.legalaid.domain.relief.ReliefStatus;

/** The parameters of a list of relief files: a status, and the page. */
public class ReliefListQuery {

    /** The list asked for, checked. */
    record Checked(ReliefStatus status, int limit, String cursor) {
    }

    @QueryParam("status")
    @Parameter(description = "Only the files in this state", schema = @Schema(implementation = ReliefStatus.class))
    public String status;

    @QueryParam("limit")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100",
            defaultValue = "20"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Page.MAX_CURSOR_LENGTH))
    public String cursor;

    /** @throws org.yizhan.kit.problem.ProblemException 400 naming every invalid parameter */
    Checked check() {
        Params params = new Params();
        ReliefStatus checkedStatus = params.enumValue(ReliefStatus.class, "status", status);
        Integer checkedLimit = params.integer("limit", limit, 1, 100, 20);
        params.throwIfAny();
        return new Checked(checkedStatus, checkedLimit, cursor);
    }
}
