package org.yizhan.kit.ops;

import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code {service}} of an operations path: this service's application name, any other is a 404. */
public class ServiceParam {

    @PathParam("service")
    @Parameter(description = "This service's name, e.g. station-service; any other name is a 404",
            example = "station-service", schema = @Schema(type = SchemaType.STRING, maxLength = 60))
    public String service;
}
