package cn.officeflow.support;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and keystores of the tests' own making (never committed: written under target/). */
public final class TestKeystores {

  private TestKeystores() {}

  /** A key pair with a self-signed certificate for {@code commonName}, valid from {@code from} for {@code days}. */
  public static Key key(String commonName, Instant from, int days) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      X500Name subject =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.C, "CN")
              .addRDN(BCStyle.CN, commonName)
              .build();
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          subject,
                          new BigInteger(64, new SecureRandom()).setBit(63),
                          Date.from(from),
                          Date.from(from.plus(Duration.ofDays(days))),
                          subject,
                          pair.getPublic())
                      .build(
                          new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
      return new Key(pair, certificate);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code key} in a PKCS#12 keystore at {@code path} under {@code alias}, protected by {@code password}. */
  public static Path pkcs12(Key key, Path path, String alias, String password) {
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          alias,
          key.pair().getPrivate(),
          password.toCharArray(),
          new Certificate[] {key.certificate()});
      try (OutputStream out = Files.newOutputStream(path)) {
        store.store(out, password.toCharArray());
      }
      return path;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public record Key(KeyPair pair, X509Certificate certificate) {}
}
