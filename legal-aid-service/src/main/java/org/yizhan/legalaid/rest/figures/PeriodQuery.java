package org.yizhan.legalaid.rest.figures;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The period of a figures request: a year, or from/to (Beijing days); this year when none is given. */
public class PeriodQuery {

    @QueryParam("year")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100",
            example = "2026"))
    public String year;

    @QueryParam("from")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
    public String from;

    @QueryParam("to")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
    public String to;
}
