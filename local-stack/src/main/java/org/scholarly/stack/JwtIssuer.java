package org.scholarly.stack;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues RS256 bearer tokens for the local stack and the tests. In production a real OIDC provider issues
 * them; the services only ever see the issuer and the public key, so they cannot tell the difference.
 */
public final class JwtIssuer {

    public static final String LOCAL_ISSUER = "https://scholarly.local/issuer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String issuer;

    public JwtIssuer(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    public static JwtIssuer generate(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new JwtIssuer(generator.generateKeyPair(), issuer);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads {@code private.pem}/{@code public.pem} from {@code directory}, creating them on first use. */
    public static JwtIssuer loadOrCreate(Path directory, String issuer) {
        Path privatePem = directory.resolve("private.pem");
        Path publicPem = directory.resolve("public.pem");
        try {
            if (!Files.exists(privatePem)) {
                JwtIssuer created = generate(issuer);
                Files.createDirectories(directory);
                Files.writeString(privatePem, pem("PRIVATE KEY", created.keys.getPrivate().getEncoded()));
                Files.writeString(publicPem, created.publicKeyPem());
                return created;
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privatePem))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(unpem(Files.readString(publicPem))));
            return new JwtIssuer(new KeyPair(publicKey, privateKey), issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable key pair in " + directory, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** A token for {@code subject} with the given roles in the {@code groups} claim. */
    public String token(String subject, List<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(Map.of("alg", "RS256", "typ", "JWT"), claims);
    }

    /** Signs any header and claims as given: tests use it to forge tokens that must be refused. */
    public String sign(Map<String, Object> header, Map<String, Object> claims) {
        try {
            String signingInput = URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rs256.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
