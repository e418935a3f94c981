package dev.amsh.arm;

import dev.amsh.ams.MutableClock;
import dev.amsh.ams.http.RetryPolicy;
import dev.amsh.redact.Redactor;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** An HTTPS mockwebserver signed by a private test CA, and the client pieces a wire test needs. */
final class ArmWire implements AutoCloseable {
    static final String SUB = "00000000-0000-0000-0000-0000000000aa";
    static final String RG = "rg";
    static final String ACCOUNT = "acct";
    static final String API_KEY = "k3y-Value+Secret==";

    final MockWebServer server = new MockWebServer();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    final List<Duration> sleeps = new ArrayList<>();
    final Redactor redactor = new Redactor();
    final Path caFile;

    ArmWire(Path dir) throws IOException {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("amsh test CA").build();
        String host = InetAddress.getByName("localhost").getCanonicalHostName();
        HeldCertificate leaf = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName(host).addSubjectAlternativeName("127.0.0.1").signedBy(ca).build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(leaf, ca.certificate()).build();
        server.useHttps(serverCerts.sslSocketFactory(), false);
        server.start(InetAddress.getByName("localhost"), 0);
        caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, ca.certificatePem());
    }

    String endpoint() {
        return server.url("/").toString();
    }

    ArmAccount account() {
        return new ArmAccount(endpoint(), SUB, RG, ACCOUNT);
    }

    ArmClientBuilder builder() {
        return new ArmClientBuilder().account(account()).caFile(caFile).contextName("b").clock(clock).redactor(redactor)
                .credentials(new ArmCredentials.ApiKey(server.url("/auth/token").toString(), SUB, API_KEY))
                .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, () -> 0, sleeps::add))
                .tryTimeout(Duration.ofSeconds(3));
    }

    /** A JWT as Ravnur's token URL answers it: the bare token, with {@code exp} in its payload. */
    static String jwt(Instant exp, String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
    }

    MockResponse token(String subject) {
        return new MockResponse().setBody(jwt(clock.instant().plus(Duration.ofHours(1)), subject))
                .setHeader("Content-Type", "text/plain");
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json; odata.metadata=minimal")
                .setBody(body);
    }

    static MockResponse armError(int code, String errorCode, String message) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody("{\"error\":{\"code\":\"" + errorCode + "\",\"message\":\"" + message + "\"}}");
    }

    String prefix(boolean lower) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Media/"
                + (lower ? "mediaservices" : "mediaServices") + "/" + ACCOUNT;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
