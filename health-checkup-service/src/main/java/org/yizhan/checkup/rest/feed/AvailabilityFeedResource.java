package org.yizhan.checkup.rest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.checkup.service.feed.AvailabilityFeed;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The availability feed, public and read-only: a SMART Scheduling Links manifest and its three
 * NDJSON files, so that city apps and maps show where checkup places are free without the booking API.
 */
@Path(AvailabilityFeedResource.PATH)
@Tag(name = "Availability feed", description = "Free checkup places as SMART Scheduling Links (FHIR R4 NDJSON), public")
public class AvailabilityFeedResource {

    static final String PATH = "/api/v1/checkups/feed";
    /** FHIR's media type for NDJSON files of resources. */
    public static final String FHIR_NDJSON = "application/fhir+ndjson";
    // Clients poll the manifest every few minutes (the specification suggests 1-5); a minute of caching is fresh enough.
    private static final String CACHE = "public, max-age=60";
    private static final int FILE_MAX = 100 * 1024 * 1024;
    // The NDJSON examples are in META-INF/openapi.yaml: given here, they would be read as one JSON object.

    private static final String MANIFEST_EXAMPLE = """
            {"transactionTime": "2026-12-01T02:00:00Z",
             "request": "https://api.yizhan.example/api/v1/checkups/feed/$bulk-publish",
             "output": [{"type": "Location", "url": "https://api.yizhan.example/api/v1/checkups/feed/locations.ndjson"},
                        {"type": "Schedule", "url": "https://api.yizhan.example/api/v1/checkups/feed/schedules.ndjson"},
                        {"type": "Slot", "url": "https://api.yizhan.example/api/v1/checkups/feed/slots.ndjson"}],
             "error": []}""";

    private final AvailabilityFeed feed;
    private final ObjectMapper json;
    private final Optional<String> publicUrl;

    public AvailabilityFeedResource(AvailabilityFeed feed, ObjectMapper json,
                                    @ConfigProperty(name = "yizhan.checkup.feed.public-url") Optional<String> publicUrl) {
        this.feed = feed;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("/$bulk-publish")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The availability feed's manifest",
            description = "Public, no token. SMART Scheduling Links bulk publication manifest: the full URLs of the "
                    + "Location, Schedule and Slot files (NDJSON). The data set holds the sites and the slots that have "
                    + "not started of every campaign that is published and inside its booking window; no personal "
                    + "data. Poll it every few minutes; answers may be cached for 60 s.")
    @APIResponse(responseCode = "200", description = "The manifest", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkPublishManifest.class),
            examples = @ExampleObject(name = "manifest", value = MANIFEST_EXAMPLE)))
    public Response manifest(UriInfo uri) {
        String base = publicUrl.map(u -> u.replaceAll("/+$", "")).orElseGet(() ->
                uri.getBaseUri().toString().replaceAll("/+$", "")) + PATH;
        var manifest = new BulkPublishManifest(feed.now(), base + "/$bulk-publish", List.of(
                new BulkPublishManifest.Output("Location", base + "/locations.ndjson"),
                new BulkPublishManifest.Output("Schedule", base + "/schedules.ndjson"),
                new BulkPublishManifest.Output("Slot", base + "/slots.ndjson")), List.of());
        return Response.ok(manifest, MediaType.APPLICATION_JSON).header("Cache-Control", CACHE).build();
    }

    @GET
    @Path("/locations.ndjson")
    @PermitAll
    @Produces(FHIR_NDJSON)
    @Operation(summary = "The sites, as FHIR Location resources",
            description = "Public. One line per site of an open campaign: id (the site id's 32 hex digits), name, "
                    + "address, position (WGS-84), status suspended while the station of a mobile checkup day is "
                    + "paused or closed, and the station id as an identifier for station sites.")
    @APIResponse(responseCode = "200", description = "FHIR Location resources, one per line", content = @Content(
            mediaType = FHIR_NDJSON, schema = @Schema(type = SchemaType.STRING,
            maxLength = FILE_MAX)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "412", description = "If-Match named another version of the file")
    public Response locations(@Context Request request) {
        return ndjson(feed.locations(), request);
    }

    @GET
    @Path("/schedules.ndjson")
    @PermitAll
    @Produces(FHIR_NDJSON)
    @Operation(summary = "The sites' calendars, as FHIR Schedule resources",
            description = "Public. One line per site of an open campaign (same id as its Location, which is its "
                    + "actor), with the campaign's name as comment and the occupations it is for as "
                    + "eligible-occupation extensions.")
    @APIResponse(responseCode = "200", description = "FHIR Schedule resources, one per line", content = @Content(
            mediaType = FHIR_NDJSON, schema = @Schema(type = SchemaType.STRING,
            maxLength = FILE_MAX)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "412", description = "If-Match named another version of the file")
    public Response schedules(@Context Request request) {
        return ndjson(feed.schedules(), request);
    }

    @GET
    @Path("/slots.ndjson")
    @PermitAll
    @Produces(FHIR_NDJSON)
    @Operation(summary = "The places, as FHIR Slot resources",
            description = "Public. For every slot that has not started, a Slot `<slot>.free` for its free places "
                    + "(with the booking deep link) and a Slot `<slot>.busy` for its booked and held places, each with "
                    + "the slot-capacity extension; a slot with nothing free (or at a suspended site) has only the busy "
                    + "one. Free plus busy capacity is the slot's capacity. Soonest first. Every file carries an ETag; "
                    + "send it back in If-None-Match to get 304 while nothing changed.")
    @APIResponse(responseCode = "200", description = "FHIR Slot resources, one per line", content = @Content(
            mediaType = FHIR_NDJSON, schema = @Schema(type = SchemaType.STRING,
            maxLength = FILE_MAX)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "412", description = "If-Match named another version of the file")
    public Response slots(@Context Request request) {
        return ndjson(feed.slots(), request);
    }

    /** The file, or 304 when the client's If-None-Match names its current ETag (a hash of the content). */
    private Response ndjson(List<Map<String, Object>> resources, Request request) {
        StringBuilder lines = new StringBuilder();
        try {
            for (Map<String, Object> resource : resources) {
                lines.append(json.writeValueAsString(resource)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a FHIR resource", e);
        }
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        EntityTag tag = new EntityTag(contentHash(body));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            if (notModified.build().getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "文件已更新，If-Match 不再相符",
                        "The file has changed; If-Match names another version");
            }
            return notModified.header("Cache-Control", CACHE).build();
        }
        return Response.ok(body, FHIR_NDJSON).tag(tag).header("Cache-Control", CACHE).build();
    }

    private static String contentHash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
