package com.practicecal.shared.webhook;

import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * SSRF protection for webhook URLs, applied at registration and again before every delivery (DNS can change):
 * only {@code https}, and every address the host resolves to must be public — no loopback, private, link-local,
 * unique-local, carrier-grade NAT, multicast, unspecified, reserved or cloud metadata addresses, also when wrapped
 * in IPv6 (IPv4-mapped, -compatible, NAT64, 6to4). Only with {@code webhooks.allow-loopback-http=true} (local
 * development and tests; production never sets it) is the literal host {@code 127.0.0.1} accepted, over http too.
 */
@Singleton
public class UrlGuard {
    public static final String LOOPBACK_LITERAL = "127.0.0.1";

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopbackHttp;
    private final Resolver resolver;

    @Inject
    public UrlGuard(WebhookSettings settings) {
        this(settings.allowLoopbackHttp(), InetAddress::getAllByName);
    }

    public UrlGuard(boolean allowLoopbackHttp, Resolver resolver) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.resolver = resolver;
    }

    /**
     * A checked URL with the address its host resolved to when it was checked. Deliveries connect to exactly this
     * address (no second resolution a DNS rebinding could answer differently), with SNI and certificate check of
     * the host name ({@link PinnedHttp}).
     */
    public record Target(URI uri, InetAddress address) {
    }

    /** @return the URL parsed; throws a 422 {@code WEBHOOK_URL_REFUSED} naming the reason */
    public URI check(String url) {
        return resolve(url).uri();
    }

    /** {@link #check} that also returns the checked address to connect to (the first one the host resolved to). */
    public Target resolve(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isBlank()) {
            throw refused("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("must not contain credentials");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowLoopbackHttp && LOOPBACK_LITERAL.equals(host) && (scheme.equals("http") || scheme.equals("https"))) {
            try {
                return new Target(uri, InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        if (!scheme.equals("https")) {
            throw refused("must use https");
        }
        if (host.indexOf(':') >= 0) {
            // Java turns IPv4-mapped literals into IPv4 addresses, losing the prefix: judge the literal as written
            Optional<String> literal = Ipv6Literal.parse(host).flatMap(UrlGuard::forbiddenV6);
            if (literal.isPresent()) {
                throw refused("host " + host + " is a " + literal.get() + " address");
            }
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw refused("host " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw refused("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> forbidden = forbiddenClass(address);
            if (forbidden.isPresent()) {
                throw refused("host " + host + " resolves to a " + forbidden.get() + " address");
            }
        }
        return new Target(uri, addresses[0]);
    }

    private static ValidationException refused(String reason) {
        return new ValidationException(ErrorCodes.WEBHOOK_URL_REFUSED, "url", "refused: " + reason);
    }

    /** Why an address may not be called, or empty when it is a public unicast address. */
    public static Optional<String> forbiddenClass(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return forbiddenV4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return Optional.of("unknown");
        }
        return forbiddenV6(b);
    }

    /** {@link #forbiddenClass} for the 16 bytes of an IPv6 address. */
    static Optional<String> forbiddenV6(byte[] b) {
        if (isAll(b, 0, 16, 0)) {
            return Optional.of("unspecified");
        }
        if (isAll(b, 0, 15, 0) && b[15] == 1) {
            return Optional.of("loopback");
        }
        // IPv4-mapped ::ffff:0:0/96: never a destination on the wire (a socket would talk IPv4): refused outright
        if (isAll(b, 0, 10, 0) && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
            return Optional.of("IPv4-mapped (::ffff:0:0/96)");
        }
        // IPv4-translated ::ffff:0:0:0/96 (SIIT) and IPv4-compatible ::a.b.c.d (deprecated): refused outright
        if (isAll(b, 0, 8, 0) && b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0) {
            return Optional.of("IPv4-translated (::ffff:0:0:0/96)");
        }
        if (isAll(b, 0, 12, 0)) {
            return Optional.of("IPv4-compatible (::/96)");
        }
        // local-use NAT64 64:ff9b:1::/48 (RFC 8215) translates into whatever network the operator chose: refused
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && b[4] == 0 && b[5] == 1) {
            return Optional.of("local-use NAT64 (64:ff9b:1::/48)");
        }
        // well-known NAT64 64:ff9b::/96: judge the embedded IPv4 address
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && isAll(b, 4, 12, 0)) {
            return forbiddenV4(Arrays.copyOfRange(b, 12, 16));
        }
        // 6to4 2002::/16 embeds an IPv4 address in bytes 2..5
        if (b[0] == 0x20 && b[1] == 0x02) {
            Optional<String> embedded = forbiddenV4(Arrays.copyOfRange(b, 2, 6));
            if (embedded.isPresent()) {
                return embedded;
            }
        }
        // Teredo 2001:0::/32 hides an obfuscated IPv4 address: refused outright
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("Teredo");
        }
        if (b[0] == (byte) 0xfd && b[1] == 0x00 && b[2] == 0x0e && b[3] == (byte) 0xc2
                && isAll(b, 4, 14, 0) && b[14] == 0x02 && b[15] == 0x54) {
            return Optional.of("cloud metadata"); // fd00:ec2::254
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local (private)");
        }
        if (b[0] == (byte) 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (b[0] == (byte) 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("site-local (private)");
        }
        if (b[0] == (byte) 0xff) {
            return Optional.of("multicast");
        }
        if (b[0] == 0x01 && isAll(b, 1, 8, 0)) {
            return Optional.of("discard-only");
        }
        return Optional.empty();
    }

    private static Optional<String> forbiddenV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 169 && b1 == 254 && (a[2] & 0xff) == 169 && (a[3] & 0xff) == 254) {
            return Optional.of("cloud metadata");
        }
        if (b0 == 0) {
            return Optional.of("unspecified");
        }
        if (b0 == 127) {
            return Optional.of("loopback");
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return Optional.of("private");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("link-local");
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return Optional.of("carrier-grade NAT (private)");
        }
        if (b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0) {
            return Optional.of("IETF protocol assignment");
        }
        if (b0 == 198 && (b1 == 18 || b1 == 19)) {
            return Optional.of("benchmarking");
        }
        if (b0 >= 224 && b0 <= 239) {
            return Optional.of("multicast");
        }
        if (b0 >= 240) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    private static boolean isAll(byte[] b, int from, int to, int value) {
        for (int i = from; i < to; i++) {
            if (b[i] != (byte) value) {
                return false;
            }
        }
        return true;
    }
}
