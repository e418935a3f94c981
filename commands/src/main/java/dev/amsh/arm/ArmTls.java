package dev.amsh.arm;

import dev.amsh.error.AmshException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;

/** The trust of a v3 context: the system's CAs, plus a private CA from {@code --ca-file PEM} when given. */
public record ArmTls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {

    /** Trusts the system's CAs and every certificate of the PEM file. */
    public static ArmTls withCaFile(String context, Path pem) {
        if (!Files.isRegularFile(pem)) {
            throw new AmshException("context " + context + ": CA file " + pem + " does not exist",
                    "give --ca-file the PEM file of the CA that signed the ARM endpoint's certificate");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca" + i++, c);
            }
            X509TrustManager own = trustManager(store);
            X509TrustManager system = trustManager(null);
            X509TrustManager both = new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String auth) throws CertificateException {
                    system.checkClientTrusted(chain, auth);
                }

                public void checkServerTrusted(X509Certificate[] chain, String auth) throws CertificateException {
                    try {
                        own.checkServerTrusted(chain, auth);
                    } catch (CertificateException e) {
                        system.checkServerTrusted(chain, auth);
                    }
                }

                public X509Certificate[] getAcceptedIssuers() {
                    X509Certificate[] a = own.getAcceptedIssuers();
                    X509Certificate[] b = system.getAcceptedIssuers();
                    X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, all, a.length, b.length);
                    return all;
                }
            };
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {both}, null);
            return new ArmTls(ssl.getSocketFactory(), both);
        } catch (IOException | GeneralSecurityException e) {
            throw new AmshException("context " + context + ": CA file " + pem + " is not a PEM certificate (" + e.getMessage() + ")",
                    "give --ca-file the CA's certificate in PEM form (-----BEGIN CERTIFICATE-----)");
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager t : f.getTrustManagers()) {
            if (t instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
