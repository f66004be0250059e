package org.scholarly.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JwtIssuerTest {

    @TempDir
    Path home;

    @Test
    void keepsTheLocalSigningKeyReadableByItsOwnerOnly() throws Exception {
        assumePosix();
        Path keys = home.resolve("keys");

        JwtIssuer.loadOrCreate(keys, JwtIssuer.LOCAL_ISSUER);

        assertThat(permissionsOf(keys)).isEqualTo("rwx------");
        assertThat(permissionsOf(keys.resolve("private.pem"))).isEqualTo("rw-------");
    }

    @Test
    void closesKeysThatAnOlderCheckoutLeftReadableByOthers() throws Exception {
        assumePosix();
        Path keys = home.resolve("keys");
        JwtIssuer created = JwtIssuer.loadOrCreate(keys, JwtIssuer.LOCAL_ISSUER);
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(keys.resolve("private.pem"), PosixFilePermissions.fromString("rw-r--r--"));

        JwtIssuer loaded = JwtIssuer.loadOrCreate(keys, JwtIssuer.LOCAL_ISSUER);

        assertThat(loaded.publicKeyPem()).isEqualTo(created.publicKeyPem());
        assertThat(permissionsOf(keys)).isEqualTo("rwx------");
        assertThat(permissionsOf(keys.resolve("private.pem"))).isEqualTo("rw-------");
    }

    @Test
    void issuesLocalTokensForEveryServiceUnderADevelopmentIssuer() throws Exception {
        JwtIssuer issuer = JwtIssuer.generate(JwtIssuer.LOCAL_ISSUER);

        JsonNode claims = claimsOf(issuer.token("someone", List.of("editor"), Duration.ofMinutes(5)));

        assertThat(claims.get("iss").asText()).isEqualTo("https://scholarly.local/dev-issuer");
        assertThat(claims.get("aud")).extracting(JsonNode::asText)
                .containsExactly("scholarly-catalog", "scholarly-citation", "scholarly-notification");
    }

    @Test
    void issuesATokenForOneServiceWhenAskedTo() throws Exception {
        JwtIssuer issuer = JwtIssuer.generate(JwtIssuer.LOCAL_ISSUER);

        JsonNode claims = claimsOf(issuer.token("someone", List.of("editor"), Duration.ofMinutes(5), List.of(JwtIssuer.CITATION_AUDIENCE)));

        assertThat(claims.get("aud")).extracting(JsonNode::asText).containsExactly("scholarly-citation");
    }

    private static JsonNode claimsOf(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String permissionsOf(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private void assumePosix() {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
    }
}
