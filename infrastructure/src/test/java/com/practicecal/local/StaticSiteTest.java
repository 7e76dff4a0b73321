package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSiteTest {
    @TempDir
    Path dist;

    private StaticSite site() throws Exception {
        Files.writeString(dist.resolve("index.html"), "<html>app</html>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-abc.js"), "console.log(1)");
        Files.writeString(dist.getParent().resolve("secret.txt"), "outside");
        return new StaticSite(dist, "http://127.0.0.1:5055");
    }

    private static String body(GatewayResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void clientRoutesGetTheAppAndFilesThemselves() throws Exception {
        StaticSite site = site();
        GatewayResponse route = site.serve("/book/t1").orElseThrow();
        assertThat(route.status()).isEqualTo(200);
        assertThat(body(route)).isEqualTo("<html>app</html>");
        assertThat(route.headers().get("cache-control")).containsExactly("no-cache");
        assertThat(body(site.serve("/manage/b1").orElseThrow())).isEqualTo("<html>app</html>");
        assertThat(body(site.serve("/").orElseThrow())).isEqualTo("<html>app</html>");

        GatewayResponse asset = site.serve("/assets/index-abc.js").orElseThrow();
        assertThat(body(asset)).isEqualTo("console.log(1)");
        assertThat(asset.headers().get("content-type")).containsExactly("text/javascript; charset=utf-8");
        assertThat(asset.headers().get("cache-control").get(0)).contains("immutable");
    }

    @Test
    void aMissingFileIsA404NotTheAppAndNothingOutsideDistIsServed() throws Exception {
        StaticSite site = site();
        assertThat(site.serve("/assets/index-old.js").orElseThrow().status()).isEqualTo(404);
        GatewayResponse traversal = site.serve("/../secret.txt").orElseThrow();
        assertThat(body(traversal)).doesNotContain("outside");
        assertThat(body(site.serve("/%2e%2e/secret.txt").orElseThrow())).doesNotContain("outside");
    }

    @Test
    void theApiPrefixesAreNeverTheApps() {
        assertThat(StaticSite.mayServe("GET", "/v1/nope")).isFalse();
        assertThat(StaticSite.mayServe("GET", "/_local/confirmation-code")).isFalse();
        assertThat(StaticSite.mayServe("POST", "/calendar")).isFalse();
        assertThat(StaticSite.mayServe("GET", "/calendar")).isTrue();
        assertThat(StaticSite.mayServe("HEAD", "/")).isTrue();
    }

    @Test
    void securityHeadersForbidInlineScriptsAndFraming() throws Exception {
        GatewayResponse page = site().serve("/calendar").orElseThrow();
        String csp = page.headers().get("content-security-policy").get(0);
        assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'", "connect-src 'self' http://127.0.0.1:5055")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(page.headers().get("x-frame-options")).containsExactly("DENY");
        assertThat(page.headers().get("referrer-policy")).containsExactly("strict-origin-when-cross-origin");
    }

    @Test
    void withoutABuildThereIsNoApp() throws Exception {
        assertThat(new StaticSite(dist.resolve("missing"), "").serve("/calendar")).isEmpty();
    }
}
