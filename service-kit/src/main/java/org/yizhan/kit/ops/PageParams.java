package org.yizhan.kit.ops;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The service and paging parameters of the operations lists. */
public class PageParams extends ServiceParam {

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(200)
    @Parameter(description = "Items per page", example = "50")
    public int limit;

    @QueryParam("cursor")
    @Size(max = 200)
    @Parameter(description = "The previous page's nextCursor; absent for the first page")
    public String cursor;
}
