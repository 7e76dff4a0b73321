package com.practicecal.shared.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlGuardTest {
    /** A fake DNS: names map to fixed addresses; literals parse without lookups. */
    private static InetAddress[] dns(String host) throws UnknownHostException {
        return switch (host) {
            case "hooks.example.com" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            case "rebind.example.com" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            case "mixed.example.com" -> new InetAddress[] {InetAddress.getByName("93.184.216.34"),
                    InetAddress.getByName("10.1.2.3")};
            case "v6.example.com" -> new InetAddress[] {InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")};
            case "nowhere.example.com" -> throw new UnknownHostException(host);
            default -> InetAddress.getAllByName(host);
        };
    }

    private final UrlGuard production = new UrlGuard(false, UrlGuardTest::dns);
    private final UrlGuard local = new UrlGuard(true, UrlGuardTest::dns);

    @Test
    void acceptsHttpsToPublicAddresses() {
        assertThat(production.check("https://hooks.example.com/in?x=1").getHost()).isEqualTo("hooks.example.com");
        assertThat(production.check("https://v6.example.com:8443/").getPort()).isEqualTo(8443);
        assertThat(production.check("https://93.184.216.34/").getHost()).isEqualTo("93.184.216.34");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://hooks.example.com/",          // not https
            "ftp://hooks.example.com/",
            "http://169.254.169.254/latest/meta-data/",
            "https://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "https://10.0.0.1/",
            "https://172.16.5.4/", "https://192.168.1.1/", "https://100.64.0.1/",
            "http://[::1]/", "https://[::1]/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:169.254.169.254]/",
            "https://[fd00:ec2::254]/", "https://[fc00::1]/", "https://[fe80::1]/", "https://[ff02::1]/",
            "https://[::]/", "https://[64:ff9b::a00:1]/", "https://[2002:7f00:1::]/",
            "https://0.0.0.0/", "https://224.0.0.1/", "https://255.255.255.255/",
            "https://127.0.0.1/", "https://localhost/", "https://rebind.example.com/", "https://mixed.example.com/",
            "https://nowhere.example.com/", "https://user:pw@hooks.example.com/", "not a url", "/relative",
    })
    void refusesInProduction(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.WEBHOOK_URL_REFUSED);
            assertThat(e.field()).isEqualTo("url");
            assertThat(e.status()).isEqualTo(422);
        });
    }

    @Test
    void namesTheReason() {
        assertThatThrownBy(() -> production.check("http://169.254.169.254/")).hasMessageContaining("https");
        assertThatThrownBy(() -> production.check("https://169.254.169.254/")).hasMessageContaining("cloud metadata");
        assertThatThrownBy(() -> production.check("https://rebind.example.com/")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> production.check("https://[fd00:ec2::254]/")).hasMessageContaining("cloud metadata");
    }

    /** The whole IPv4-mapped, IPv4-translated and local-use NAT64 prefixes, whatever the embedded address. */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://[::ffff:93.184.216.34]/", "https://[::ffff:5db8:d822]/", "https://[0:0:0:0:0:ffff:8.8.8.8]/",
            "https://[::ffff:0:93.184.216.34]/", "https://[::ffff:0:0:0]/",
            "https://[64:ff9b:1::5db8:d822]/", "https://[64:ff9b:1:ffff::1]/", "https://[64:ff9b:1::]/",
            "https://[::93.184.216.34]/",
    })
    void refusesTheMappedTranslatedAndLocalNat64Prefixes(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.WEBHOOK_URL_REFUSED));
    }

    @Test
    void theSameAddressesFromDnsAreRefused() throws UnknownHostException {
        byte[] localNat64 = new byte[16];
        localNat64[1] = 0x64;
        localNat64[2] = (byte) 0xff;
        localNat64[3] = (byte) 0x9b;
        localNat64[5] = 1;
        localNat64[15] = 7;
        assertThat(UrlGuard.forbiddenClass(InetAddress.getByAddress(localNat64))).contains("local-use NAT64 (64:ff9b:1::/48)");
        byte[] translated = new byte[16];
        translated[8] = (byte) 0xff;
        translated[9] = (byte) 0xff;
        translated[12] = 93;
        assertThat(UrlGuard.forbiddenClass(InetAddress.getByAddress(translated))).contains("IPv4-translated (::ffff:0:0:0/96)");
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 93;
        assertThat(UrlGuard.forbiddenV6(mapped)).contains("IPv4-mapped (::ffff:0:0/96)");
        // well-known NAT64 of a public address and ordinary public IPv6 stay allowed
        assertThat(production.check("https://[64:ff9b::5db8:d822]/").getHost()).isEqualTo("[64:ff9b::5db8:d822]");
        assertThat(production.check("https://[2606:2800:220:1:248:1893:25c8:1946]/")).isNotNull();
        assertThatThrownBy(() -> production.check("https://[::ffff:93.184.216.34]/")).hasMessageContaining("IPv4-mapped");
        assertThatThrownBy(() -> production.check("https://[64:ff9b:1::1]/")).hasMessageContaining("local-use NAT64");
    }

    @Test
    void resolveReturnsTheAddressItChecked() {
        assertThat(production.resolve("https://hooks.example.com/in").address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(local.resolve("http://127.0.0.1:8080/hook").address().isLoopbackAddress()).isTrue();
    }

    @Test
    void ipv6LiteralsParseAsWritten() {
        assertThat(Ipv6Literal.parse("::ffff:1.2.3.4")).hasValueSatisfying(b -> {
            assertThat(b[10]).isEqualTo((byte) 0xff);
            assertThat(b[15]).isEqualTo((byte) 4);
        });
        assertThat(Ipv6Literal.parse("1:2:3:4:5:6:7:8")).isPresent();
        assertThat(Ipv6Literal.parse("1::2::3")).isEmpty();
        assertThat(Ipv6Literal.parse("1:2:3:4:5:6:7:8:9")).isEmpty();
        assertThat(Ipv6Literal.parse("::-1")).isEmpty();
        assertThat(Ipv6Literal.parse("::1.2.3.256")).isEmpty();
    }

    @Test
    void theLocalFlagAllowsOnlyTheLiteralLoopbackAddress() {
        assertThat(local.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> local.check("http://localhost:8080/")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> local.check("http://rebind.example.com/")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> local.check("http://10.0.0.1/")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> local.check("http://[::1]/")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> production.check("http://127.0.0.1:8080/hook")).isInstanceOf(ValidationException.class);
    }
}
