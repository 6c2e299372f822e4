package org.yizhan.legalaid;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.security.DevKeys;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The service kit's token rules in a service, with the tests' (local) issuer. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class TokenRulesTest {

    @Test
    void theCallerIsIdentifiedBySubjectWhateverTheUpn() {
        JwtClaims claims = claims("rider-42");
        claims.setClaim("upn", "zhang.san@example.org");
        claims.setClaim("preferred_username", "zhangsan");
        given().auth().oauth2(sign(claims)).get("/test/caller")
                .then().statusCode(200).body(equalTo("rider-42"));
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        JwtClaims claims = claims("rider-42");
        claims.unsetClaim("sub");
        claims.setClaim("upn", "zhang.san@example.org");
        given().auth().oauth2(sign(claims)).get("/test/caller").then().statusCode(401);
    }

    @Test
    void aTokenMayLiveTwelveHoursAndNoLonger() {
        JwtClaims twelve = claims("rider-42", Duration.ofHours(12));
        given().auth().oauth2(sign(twelve)).get("/test/caller").then().statusCode(200);

        JwtClaims thirteen = claims("rider-42", Duration.ofHours(13));
        given().auth().oauth2(sign(thirteen)).get("/test/caller").then().statusCode(401);

        JwtClaims withoutIssuedAt = claims("rider-42");
        withoutIssuedAt.unsetClaim("iat");
        given().auth().oauth2(sign(withoutIssuedAt)).get("/test/caller").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsRefused() {
        JwtClaims other = claims("rider-42");
        other.setAudience("another-api");
        given().auth().oauth2(sign(other)).get("/test/caller").then().statusCode(401);

        JwtClaims none = claims("rider-42");
        none.unsetClaim("aud");
        given().auth().oauth2(sign(none)).get("/test/caller").then().statusCode(401);
    }

    private static JwtClaims claims(String subject) {
        return DevKeys.claims(subject, List.of("worker"), Duration.ofHours(1));
    }

    /** Claims that expire {@code lifetime} after they were issued, however long that is. */
    private static JwtClaims claims(String subject, Duration lifetime) {
        JwtClaims claims = claims(subject);
        try {
            claims.setExpirationTime(NumericDate.fromSeconds(claims.getIssuedAt().getValue() + lifetime.toSeconds()));
        } catch (MalformedClaimException e) {
            throw new IllegalStateException(e);
        }
        return claims;
    }

    private static String sign(JwtClaims claims) {
        return TestTokens.keys().sign(claims);
    }
}
