package dev.amsh.emulator.common;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The pair's own TLS: a test CA and a server certificate for 127.0.0.1 and localhost, made on first start and
 * kept in the data folder ({@code ca.pem}, {@code server.p12}), so clients that trusted the CA keep trusting it
 * across restarts. Every official v3 SDK refuses a bearer token over plain http; this is what lets them talk.
 */
public final class TestCertificates {
    public static final String CA_FILE = "ca.pem";
    static final String SERVER_FILE = "server.p12";
    static final String PASSWORD_FILE = "server.pass";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final Path caFile;
    private final SSLContext serverContext;

    private TestCertificates(Path caFile, SSLContext serverContext) {
        this.caFile = caFile;
        this.serverContext = serverContext;
    }

    /** Loads the CA and server certificate under {@code dir}, making them first when absent. */
    public static TestCertificates inDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path ca = dir.resolve(CA_FILE);
            Path server = dir.resolve(SERVER_FILE);
            Path pass = dir.resolve(PASSWORD_FILE);
            if (!Files.isRegularFile(ca) || !Files.isRegularFile(server) || !Files.isRegularFile(pass)) {
                create(ca, server, pass);
            }
            char[] password = Files.readString(pass).strip().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(server)) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return new TestCertificates(ca, ctx);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the pair's TLS certificates in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot prepare the pair's TLS certificates in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The CA's PEM: what a client trusts to reach the pair over HTTPS. */
    public Path caFile() {
        return caFile;
    }

    public SSLContext serverContext() {
        return serverContext;
    }

    /** A client context trusting only the CA in {@code caPem} (tests and tools). */
    public static SSLContext trusting(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore ts = KeyStore.getInstance(KeyStore.getDefaultType());
            ts.load(null, null);
            ts.setCertificateEntry("amsh-local-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(Path caPem, Path serverP12, Path passFile) throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, random);
        KeyPair caKeys = gen.generateKeyPair();
        KeyPair serverKeys = gen.generateKeyPair();
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofDays(1)));
        Date to = Date.from(now.plus(VALIDITY));
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X500Name caName = new X500Name("CN=amsh local pair test CA,O=amsh");
        try {
            JcaX509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, new BigInteger(64, random),
                    from, to, caName, caKeys.getPublic());
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            caBuilder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate ca = sign(caBuilder.build(signer(caKeys)));

            JcaX509v3CertificateBuilder sb = new JcaX509v3CertificateBuilder(ca, new BigInteger(64, random), from, to,
                    new X500Name("CN=127.0.0.1,O=amsh"), serverKeys.getPublic());
            sb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            sb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            sb.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            sb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            sb.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
            X509Certificate server = sign(sb.build(signer(caKeys)));

            byte[] pw = new byte[18];
            random.nextBytes(pw);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(pw).toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", serverKeys.getPrivate(), password, new X509Certificate[]{server, ca});
            OwnerOnlyFiles.write(passFile, new String(password).getBytes(StandardCharsets.US_ASCII));
            try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                ks.store(bytes, password);
                OwnerOnlyFiles.write(serverP12, bytes.toByteArray());
            }
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
                w.writeObject(ca);
            }
            Files.writeString(caPem, pem.toString());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static ContentSigner signer(KeyPair keys) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    }

    private static X509Certificate sign(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
