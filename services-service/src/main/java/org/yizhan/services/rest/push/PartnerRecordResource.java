package org.yizhan.services.rest.push;

import org.yizhan.kit.replica.StationReplica;
import org.yizhan.services.service.push.RecordRules;
import jakarta.validation.constraints.Size;
import org.yizhan.services.rest.ApiLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.http.Versions;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.rest.activity.ActivityView;
import org.yizhan.services.service.activity.ActivityAccess;
import org.yizhan.services.service.activity.Caller;
import org.yizhan.services.service.push.PartnerPush;
import org.yizhan.services.service.push.PushAnswer;
import org.yizhan.services.service.push.PushInput;
import org.yizhan.services.service.push.PushRecordReader;
import org.yizhan.services.service.push.SignInSheet;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

@Path("/api/v1/activities/partner-records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@SecurityRequirement(name = "jwt")
@Tag(name = "Partner push", description = "Partner systems push their activity records and sign-in sheets")
public class PartnerRecordResource {

    /** Set on the answer of a retry that returns the first answer of its Idempotency-Key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final String CSV = "text/csv";
    /** Writes records with their fields in name order, so that a retry is recognised whatever the order. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private final PartnerPush push;
    private final ActivityAccess access;
    private final SecurityIdentity identity;
    private final StationReplica stations;

    public PartnerRecordResource(PartnerPush push, ActivityAccess access, SecurityIdentity identity,
                                 StationReplica stations) {
        this.push = push;
        this.access = access;
        this.identity = identity;
        this.stations = stations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push activity records",
            description = "Partner systems only (role partner; the token's org claim is the pushing partner). 1 to 1000 "
                    + "records, each created, updated, left unchanged or rejected on its own, keyed by the partner's "
                    + "recordId. With Idempotency-Key, a retry of the same batch gets the first answer; dryRun=true "
                    + "validates and answers exactly like a push but writes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PushBatchRequest.class)))
    @APIResponse(responseCode = "200", description = "One result per record, and totals",
            content = @Content(schema = @Schema(implementation = PushAnswer.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON batch of 1 to 1000 records, or a bad dryRun or Idempotency-Key")
    @APIResponse(responseCode = "403", description = "Not a registered partner")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another batch")
    public Response pushRecords(@NotNull @Valid PushBatchRequest batch,
                                @QueryParam("dryRun") @Parameter(description = "true: validate only", schema = @Schema(type = SchemaType.STRING, enumeration = {"true", "false"})) String dryRun,
                                @HeaderParam(IdempotencyKeys.HEADER) @Size(max = ApiLimits.IDEMPOTENCY_KEY_MAX) String idempotencyKey) {
        boolean dry = dryRun(dryRun);
        Caller caller = access.caller(identity);
        List<PushInput> inputs = new ArrayList<>(batch.records().size());
        for (int i = 0; i < batch.records().size(); i++) {
            PushRecordReader.Read read = PushRecordReader.read(batch.records().get(i));
            inputs.add(PushInput.fromJson(read, i));
        }
        Object request = idempotencyKey == null ? null : Map.of("recordsSha256", sha256(canonical(batch)));
        return answer(push.push(caller, PartnerPush.Format.JSON, inputs, dry, idempotencyKey, request));
    }

    @POST
    @Path("/sign-in-sheets")
    @Consumes(CSV)
    @Operation(summary = "Upload a sign-in sheet (CSV)",
            description = "UTF-8 CSV, with or without BOM. Header: " + "record_id,type,title,station_id,starts_at,ends_at,"
                    + "organisers,participant_id,checked_in_at,participant_count (organisers separated by |). Rows that "
                    + "share a record_id form one COMPLETED record: one row per participant, or one row with "
                    + "participant_count. Same answer, dryRun and Idempotency-Key as JSON pushes; errors name the line.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            maxLength = SignInSheet.MAX_BYTES,
            example = "record_id,type,title,station_id,starts_at,ends_at,organisers,participant_id,checked_in_at,participant_count\n"
                    + "YL-0412,HAIRCUT,爱心义剪,6c1f6a52-8d2e-4a57-9d0b-3f7e0f1c2a11,2026-11-21T14:00:00+08:00,"
                    + "2026-11-21T17:00:00+08:00,womens-federation,p-0001,2026-11-21T14:05:00+08:00,\n")))
    @APIResponse(responseCode = "200", description = "One result per record, and totals",
            content = @Content(schema = @Schema(implementation = PushAnswer.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8 CSV with the expected header, empty, or too large")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another sheet")
    @APIResponse(responseCode = "415", description = "Not text/csv")
    public Response uploadSheet(byte[] sheet,
                                @QueryParam("dryRun") @Parameter(description = "true: validate only", schema = @Schema(type = SchemaType.STRING, enumeration = {"true", "false"})) String dryRun,
                                @HeaderParam(IdempotencyKeys.HEADER) @Size(max = ApiLimits.IDEMPOTENCY_KEY_MAX) String idempotencyKey) {
        boolean dry = dryRun(dryRun);
        Caller caller = access.caller(identity);
        if (sheet == null || sheet.length == 0) {
            throw ProblemException.invalidField("body", "签到表为空 / the sheet is empty");
        }
        if (sheet.length > SignInSheet.MAX_BYTES) {
            throw ProblemException.invalidField("body", "签到表最大 " + SignInSheet.MAX_BYTES + " 字节 / at most "
                    + SignInSheet.MAX_BYTES + " bytes");
        }
        List<PushInput> inputs = SignInSheet.read(sheet);
        Object request = idempotencyKey == null ? null : Map.of("sheetSha256", sha256(sheet));
        return answer(push.push(caller, PartnerPush.Format.CSV, inputs, dry, idempotencyKey, request));
    }

    @GET
    @Path("/{recordId}")
    @Operation(summary = "The activity of one of the partner's records",
            description = "By the partner's own record id; records of other partners are not found.")
    @APIResponse(responseCode = "200", description = "The activity",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "The partner pushed no record with this id")
    public Response getRecord(@PathParam("recordId") @Size(max = RecordRules.RECORD_ID_MAX) String recordId) {
        Caller caller = access.caller(identity);
        Activity a = push.find(caller.partner(), recordId)
                .orElseThrow(() -> ProblemException.notFound("记录", "Record"));
        return Response.ok(ActivityView.of(a, stations.find(a.stationId).orElse(null), null))
                .tag(Versions.etag(a.version)).build();
    }

    private static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalidField("dryRun", "须为 true 或 false / must be true or false");
    }

    private static Response answer(PartnerPush.Answer answer) {
        Response.ResponseBuilder response = Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE);
        if (answer.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    private static byte[] canonical(PushBatchRequest batch) {
        try {
            return CANONICAL.writeValueAsBytes(batch.records());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the records back", e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
