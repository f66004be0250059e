package org.scholarly.testsupport;

import org.scholarly.stack.JwtIssuer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tokens that a service must refuse with 401, each broken in exactly one way. */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /**
     * Name of the defect → token, for a role that would otherwise be allowed by the service whose own audience
     * ({@code mp.jwt.verify.audiences}) is {@code audience}.
     */
    public static Map<String, String> all(String role, String audience) {
        JwtIssuer trusted = RealInfrastructure.jwtIssuer();
        List<String> own = List.of(audience);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", trusted.sign(header("RS256"), claims(trusted.issuer(), own, role, Instant.now().minusSeconds(3600))));
        tokens.put("wrong issuer", trusted.sign(header("RS256"), claims("https://evil.example/issuer", own, role, future())));
        tokens.put("wrong signature", JwtIssuer.generate(trusted.issuer()).token(role + "-user", List.of(role), java.time.Duration.ofHours(1), own));
        tokens.put("alg none", unsigned(claims(trusted.issuer(), own, role, future())));
        Map<String, Object> noRoles = claims(trusted.issuer(), own, role, future());
        noRoles.remove("groups");
        tokens.put("missing role claim", trusted.sign(header("RS256"), noRoles));
        Map<String, Object> noAudience = claims(trusted.issuer(), own, role, future());
        noAudience.remove("aud");
        tokens.put("no audience", trusted.sign(header("RS256"), noAudience));
        // What an identity provider issues to another client of the same realm (Keycloak's default audience).
        tokens.put("audience of another client", trusted.sign(header("RS256"), claims(trusted.issuer(), List.of("account"), role, future())));
        List<String> otherServices = JwtIssuer.LOCAL_AUDIENCES.stream().filter(other -> !other.equals(audience)).toList();
        tokens.put("audience of the other services", trusted.sign(header("RS256"), claims(trusted.issuer(), otherServices, role, future())));
        return tokens;
    }

    private static Instant future() {
        return Instant.now().plusSeconds(3600);
    }

    private static Map<String, Object> header(String alg) {
        return Map.of("alg", alg, "typ", "JWT");
    }

    private static Map<String, Object> claims(String issuer, List<String> audiences, String role, Instant expires) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audiences);
        claims.put("sub", role + "-user");
        claims.put("upn", role + "-user");
        claims.put("groups", List.of(role));
        claims.put("iat", expires.minusSeconds(7200).getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private static String unsigned(Map<String, Object> claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = url.encodeToString(toJson(claims).getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private static String toJson(Map<String, Object> claims) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claims);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
