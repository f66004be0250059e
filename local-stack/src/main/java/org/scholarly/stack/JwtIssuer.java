package org.scholarly.stack;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.Set;
import java.util.UUID;

/**
 * Issues RS256 bearer tokens for the local stack and the tests. In production a real OIDC provider issues
 * them; the services only ever see the issuer, the audience and the public key, so they cannot tell the difference.
 *
 * <p>The local issuer is a development issuer: no service trusts it unless told to ({@code ./stack} and the tests
 * do), and its private key is readable by its owner only, because whoever reads it mints tokens for any role.
 */
public final class JwtIssuer {

    public static final String LOCAL_ISSUER = "https://scholarly.local/dev-issuer";
    /** Each service accepts only tokens whose {@code aud} names it ({@code mp.jwt.verify.audiences}). */
    public static final String CATALOG_AUDIENCE = "scholarly-catalog";
    public static final String CITATION_AUDIENCE = "scholarly-citation";
    public static final String NOTIFICATION_AUDIENCE = "scholarly-notification";
    /** A local token names every service, so that one token works on the whole local stack. */
    public static final List<String> LOCAL_AUDIENCES = List.of(CATALOG_AUDIENCE, CITATION_AUDIENCE, NOTIFICATION_AUDIENCE);

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String issuer;
    private final List<String> audiences;

    public JwtIssuer(KeyPair keys, String issuer) {
        this(keys, issuer, LOCAL_AUDIENCES);
    }

    public JwtIssuer(KeyPair keys, String issuer, List<String> audiences) {
        this.keys = keys;
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
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

    /**
     * Loads {@code private.pem}/{@code public.pem} from {@code directory}, creating them on first use. The directory
     * and the private key are made accessible to their owner only, also when an older checkout left them open.
     */
    public static JwtIssuer loadOrCreate(Path directory, String issuer) {
        Path privatePem = directory.resolve("private.pem");
        Path publicPem = directory.resolve("public.pem");
        try {
            createOwnerOnlyDirectory(directory);
            if (!Files.exists(privatePem)) {
                JwtIssuer created = generate(issuer);
                writeOwnerOnly(privatePem, pem("PRIVATE KEY", created.keys.getPrivate().getEncoded()));
                // The public key is no secret: a copy of it (deploy/keys) must stay readable by a container's user.
                Files.writeString(publicPem, created.publicKeyPem());
                return created;
            }
            restrictToOwner(privatePem, OWNER_ONLY_FILE);
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

    public List<String> audiences() {
        return audiences;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** A token for {@code subject} with the given roles in the {@code groups} claim, for this issuer's audiences. */
    public String token(String subject, List<String> roles, Duration lifetime) {
        return token(subject, roles, lifetime, audiences);
    }

    /** The same for the given audiences only, e.g. a token that only catalog-service accepts. */
    public String token(String subject, List<String> roles, Duration lifetime, List<String> audiences) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audiences);
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

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Path parent = directory.toAbsolutePath().getParent();
            if (isPosix(parent)) {
                Files.createDirectories(parent);
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
        restrictToOwner(directory, OWNER_ONLY_DIRECTORY);
    }

    /** Created with owner-only permissions, so the key is never readable by others, not even for an instant. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        if (isPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        Files.writeString(file, content);
    }

    private static void restrictToOwner(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.exists(path) && isPosix(path)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean isPosix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
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
