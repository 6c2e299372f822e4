package org.yizhan.services.rest.push;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;

/**
 * Describes the items of a push batch as they are taken: a {@code PushRecord}, or anything else,
 * which the answer rejects on its own (records are read one by one, so that one badly typed record
 * never fails the batch). Without this, the document would forbid batches the service answers 200.
 */
@OpenApiFilter
public class PushBatchDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema batch = openAPI.getComponents().getSchemas().get("PushBatch");
        if (batch == null || batch.getProperties() == null || batch.getProperties().get("records") == null) {
            return;
        }
        Schema records = batch.getProperties().get("records");
        records.setItems(OASFactory.createSchema()
                .description("A record; a value that is not a valid record is rejected alone, with its errors, in the answer")
                .anyOf(List.of(OASFactory.createSchema().ref("#/components/schemas/PushRecord"),
                        OASFactory.createSchema().description("Any other value: rejected alone"))));
    }
}
