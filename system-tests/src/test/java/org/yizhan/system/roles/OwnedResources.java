package org.yizhan.system.roles;

import com.fasterxml.jackson.databind.JsonNode;
import org.yizhan.localstack.security.DevKeys;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Resources that belong to one caller of each role, made through the gateway before the matrix is
 * checked, and the tokens of their owners and of strangers of the same role:
 * <ul>
 *   <li>a station managed by {@code manager-own}; {@code manager-other} manages another station;</li>
 *   <li>an activity at it organised by the partner {@code youth-league}; {@code womens-federation} is not on it;</li>
 *   <li>a checkup campaign whose site there is run by the clinic {@code daxing-district-hospital};
 *       {@code other-clinic} has no site in it;</li>
 *   <li>{@code rider-own}'s complaint, registration, checkup appointment, legal-aid booking; {@code rider-other}
 *       has none of them;</li>
 *   <li>a consultation, a legal-aid case and a relief application of {@code rider-own} recorded by
 *       {@code staff-own}; the consultation answered by and the case assigned to {@code lawyer-own};
 *       {@code lawyer-other} is registered but on neither, {@code staff-other} recorded none.</li>
 * </ul>
 */
final class OwnedResources {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String CLINIC = "daxing-district-hospital";

    private final GatewayCalls gateway;
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, String> strangers = new HashMap<>();
    private final Map<String, String> ids = new HashMap<>();
    private final String admin;

    private OwnedResources(GatewayCalls gateway, DevKeys keys) {
        this.gateway = gateway;
        Duration hour = Duration.ofHours(1);
        for (String role : List.of("worker", "station-manager", "lawyer", "union-staff", "union-admin")) {
            String name = switch (role) {
                case "worker" -> "rider";
                case "station-manager" -> "manager";
                case "union-staff" -> "staff";
                case "union-admin" -> "admin";
                default -> role;
            };
            owners.put(role, keys.mint(name + "-own", role));
            strangers.put(role, keys.mint(name + "-other", role));
        }
        owners.put("partner", keys.mint("youth-system", List.of("partner"), hour, "youth-league"));
        strangers.put("partner", keys.mint("women-system", List.of("partner"), hour, "womens-federation"));
        owners.put("clinic", keys.mint("nurse-own", List.of("clinic"), hour, CLINIC));
        strangers.put("clinic", keys.mint("nurse-other", List.of("clinic"), hour, "other-clinic"));
        admin = owners.get("union-admin");
    }

    /** Makes every resource; fails the test if the stack refuses one. */
    static OwnedResources create(GatewayCalls gateway, DevKeys keys) {
        OwnedResources resources = new OwnedResources(gateway, keys);
        resources.stations();
        resources.activity();
        resources.checkup();
        resources.legalAid();
        return resources;
    }

    /** The token of the caller of {@code role} who owns the resources. */
    String owner(String role) {
        return owners.get(role);
    }

    /** The token of a caller of {@code role} who owns none of them. */
    String stranger(String role) {
        return strangers.get(role);
    }

    /**
     * The id for a path parameter: {@code before} is the path segment just before it ({@code {id}}
     * after {@code stations} is the station), {@code name} its name; null where no resource is made.
     */
    String pathValue(String before, String name) {
        return switch (name) {
            case "stationId" -> ids.get("station");
            case "complaintId" -> ids.get("complaint");
            case "siteId" -> ids.get("site");
            case "year" -> String.valueOf(LocalDate.now(BEIJING).getYear());
            case "id" -> before == null ? null : switch (before) {
                case "stations", "services" -> ids.get("station");
                case "activities" -> ids.get("activity");
                case "campaigns" -> ids.get("campaign");
                case "appointments" -> ids.get("appointment");
                case "applications" -> ids.get("application");
                case "consultations" -> ids.get("consultation");
                case "sessions" -> ids.get("session");
                case "bookings" -> ids.get("booking");
                case "relief" -> ids.get("relief");
                default -> null;
            };
            default -> null;
        };
    }

    /** Values for body properties that name a resource, so that a request's body points at the owned ones. */
    Map<String, String> propertyValues() {
        return Map.of("stationId", ids.get("station"), "consultationId", ids.get("consultation"),
                "lawyerId", ids.get("lawyer"));
    }

    private void stations() {
        ids.put("station", station("角色矩阵驿站", 39.731, 116.331));
        String other = station("另一个驿站", 39.741, 116.341);
        expect(204, gateway.put("/api/v1/stations/" + ids.get("station") + "/managers/manager-own", admin, null));
        expect(204, gateway.put("/api/v1/stations/" + other + "/managers/manager-other", admin, null));
        HttpResponse<String> complaint = gateway.post("/api/v1/stations/" + ids.get("station") + "/complaints",
                owners.get("worker"), """
                        {"category":"OTHER","description":"饮水机没有热水。","occurredAt":"%s"}"""
                        .formatted(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
        ids.put("complaint", idOf(expect(201, complaint)));
    }

    private String station(String name, double latitude, double longitude) {
        return idOf(expect(201, gateway.post("/api/v1/stations", admin, """
                {"name":"%s","hostType":"COMMUNITY_CENTRE","address":"北京市大兴区黄村镇",
                 "location":{"latitude":%s,"longitude":%s}}""".formatted(name, latitude, longitude))));
    }

    private void activity() {
        String station = ids.get("station");
        awaitTrue("the station in services-service's replica",
                () -> gateway.get("/api/v1/activities/venues/" + station, admin).statusCode() == 200);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String activity = idOf(expect(201, gateway.post("/api/v1/activities", owners.get("partner"), """
                {"type":"HAIRCUT","title":"角色矩阵义剪","stationId":"%s","startsAt":"%s","endsAt":"%s","capacity":10}"""
                .formatted(station, start, start.plus(3, ChronoUnit.HOURS)))));
        expect(200, gateway.post("/api/v1/activities/" + activity + "/publish", owners.get("partner"), ""));
        expect(201, gateway.post("/api/v1/activities/" + activity + "/registrations", owners.get("worker"),
                "{\"occupation\":\"FOOD_DELIVERY\"}"));
        ids.put("activity", activity);
    }

    private void checkup() {
        Instant now = Instant.now();
        String campaign = idOf(expect(201, gateway.post("/api/v1/checkups/campaigns", admin, """
                {"name":"角色矩阵体检","year":%d,"organiser":"大兴区总工会",
                 "packages":[{"occupation":"FOOD_DELIVERY","items":["BASIC"]}],"clinics":["%s"],
                 "bookingOpensAt":"%s","bookingClosesAt":"%s"}""".formatted(LocalDate.now(BEIJING).getYear(), CLINIC,
                now.minusSeconds(3600), now.plus(Duration.ofDays(30))))));
        expect(200, gateway.post("/api/v1/checkups/campaigns/" + campaign + "/publish", admin, ""));
        String site = "{\"kind\":\"STATION\",\"stationId\":\"" + ids.get("station") + "\",\"clinic\":\"" + CLINIC + "\"}";
        awaitTrue("a site at the station (health-checkup-service's replica)", () ->
                gateway.post("/api/v1/checkups/campaigns/" + campaign + "/sites", admin, site).statusCode() == 201);
        String siteId = MinimalRequests.read(gateway.get("/api/v1/checkups/campaigns/" + campaign + "/sites", admin).body())
                .at("/items/0/id").asText();
        LocalDate day = LocalDate.now(BEIJING).plusDays(3);
        JsonNode slots = MinimalRequests.read(expect(200, gateway.put("/api/v1/checkups/campaigns/" + campaign + "/sites/"
                + siteId + "/days", admin, "{\"day\":\"" + day + "\",\"from\":\"09:00\",\"to\":\"10:00\",\"minutes\":30,"
                + "\"capacity\":2}")).body());
        HttpResponse<String> held = gateway.post("/api/v1/checkups/appointments", owners.get("worker"), """
                {"slotId":"%s","occupation":"FOOD_DELIVERY","platform":"meituan","riderId":"MT-40001","name":"韩梅梅",
                 "phone":"13912340000"}""".formatted(slots.at("/items/0/id").asText()));
        ids.put("campaign", campaign);
        ids.put("site", siteId);
        ids.put("appointment", idOf(expect(201, held)));
    }

    private void legalAid() {
        String staff = owners.get("union-staff");
        ids.put("lawyer", lawyer("lawyer-own", 11_000_000_000_000_001L));
        lawyer("lawyer-other", 11_000_000_000_000_002L);
        String consultation = idOf(expect(201, gateway.post("/api/v1/legal-aid/consultations", staff, """
                {"category":"WAGE_ARREARS","channel":"STATION","stationId":"%s","question":"平台拖欠我两个月工资，该怎么办？",
                 "onBehalfOf":"rider-own"}""".formatted(ids.get("station")))));
        expect(200, gateway.post("/api/v1/legal-aid/consultations/" + consultation + "/answer", owners.get("lawyer"),
                "{\"answer\":\"可申请劳动仲裁，法律援助免费代理。\"}"));
        String application = idOf(expect(201, gateway.post("/api/v1/legal-aid/applications", staff, """
                {"consultationId":"%s","opposingPartyName":"北京迅达同城配送有限公司","amountClaimedFen":860000,
                 "onBehalfOf":"rider-own"}""".formatted(consultation))));
        expect(200, gateway.post("/api/v1/legal-aid/applications/" + application + "/conflict-decision", admin,
                "{\"decision\":\"NO_CONFLICT\",\"note\":\"无冲突\"}"));
        expect(200, gateway.post("/api/v1/legal-aid/applications/" + application + "/decision", admin,
                "{\"outcome\":\"ACCEPT\"}"));
        expect(200, gateway.post("/api/v1/legal-aid/applications/" + application + "/lawyers", admin,
                "{\"lawyerId\":\"" + ids.get("lawyer") + "\"}"));
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        String plan = "{\"stationId\":\"%s\",\"lawyerId\":\"%s\",\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"slotMinutes\":20}"
                .formatted(ids.get("station"), ids.get("lawyer"), start, start.plus(Duration.ofHours(1)));
        awaitTrue("a duty session at the station (legal-aid-service's replica)",
                () -> gateway.post("/api/v1/legal-aid/sessions", admin, plan).statusCode() == 201);
        JsonNode near = MinimalRequests.read(gateway.get("/api/v1/legal-aid/sessions?lat=39.731&lon=116.331&radiusKm=1",
                owners.get("worker")).body());
        String session = near.at("/items/0/id").asText();
        String slot = MinimalRequests.read(gateway.get("/api/v1/legal-aid/sessions/" + session, owners.get("worker")).body())
                .at("/slots/0/id").asText();
        String booking = idOf(expect(201, gateway.post("/api/v1/legal-aid/sessions/" + session + "/bookings",
                owners.get("worker"), "{\"slotId\":\"" + slot + "\"}")));
        String relief = idOf(expect(201, gateway.post("/api/v1/legal-aid/relief", staff, """
                {"illnessCategory":"CANCER","amountRequestedFen":800000,"monthlyHouseholdIncomeFen":650000,
                 "householdSize":3,"description":"今年九月确诊，化疗自付部分约八千元。","onBehalfOf":"rider-own"}""")));
        ids.put("consultation", consultation);
        ids.put("application", application);
        ids.put("session", session);
        ids.put("booking", booking);
        ids.put("relief", relief);
    }

    private String lawyer(String subject, long licence) {
        return idOf(expect(201, gateway.post("/api/v1/legal-aid/lawyers", admin, """
                {"name":"周律师","licenceNumber":"%017d","firm":"北京市大兴区法律援助中心","subject":"%s"}"""
                .formatted(licence, subject))));
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new AssertionError("making the owned resources: " + answer.request().method() + " "
                    + answer.request().uri().getPath() + " answered " + answer.statusCode() + ", not " + status + ": "
                    + answer.body());
        }
        return answer;
    }

    private static String idOf(HttpResponse<String> answer) {
        String id = MinimalRequests.read(answer.body()).path("id").asText();
        if (id.isEmpty()) {
            throw new AssertionError("no id in " + answer.body());
        }
        return id;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
