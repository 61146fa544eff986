package cn.officeflow.platform.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The unit's signing key and certificate (单位证书), loaded once at start-up.
 *
 * <ul>
 *   <li>{@code officeflow.signing.keystore} set: the key entry {@code officeflow.signing.key-alias} (or the only
 *       key entry) of that PKCS#12/JKS keystore, opened with {@code officeflow.signing.keystore-password}. Every
 *       mistake stops the start with a message naming the setting.
 *   <li>no keystore on the {@code mysql} profile: the start is refused — production never signs with a key nobody
 *       issued — unless {@code officeflow.signing.demo-certificate=true} says, explicitly, that this installation
 *       is a trial (then as below, with a warning at every start).
 *   <li>no keystore otherwise (H2 demo): a self-signed <b>demo</b> certificate, CN = the unit's name + "（演示证书）",
 *       made at the first start and kept in {@code officeflow.signing.demo-keystore} (in the data directory, with a
 *       random password in a file beside it, both readable by the owner only) so it survives restarts.
 * </ul>
 */
@Component
public class UnitCertificate {

  private static final Logger LOG = LoggerFactory.getLogger(UnitCertificate.class);

  /** Marks the demo certificate: in its CN and its OU. */
  public static final String DEMO_MARK = "演示证书";

  static final String DEMO_ALIAS = "officeflow-demo";
  private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final boolean demo;

  public UnitCertificate(
      Environment environment,
      @Value("${officeflow.signing.keystore:}") String keystore,
      @Value("${officeflow.signing.keystore-password:}") String password,
      @Value("${officeflow.signing.key-alias:}") String alias,
      @Value("${officeflow.signing.demo-keystore:./data/signing/demo-unit-certificate.p12}")
          String demoKeystore,
      @Value("${officeflow.signing.demo-certificate:false}") boolean demoAllowed,
      @Value("${officeflow.issuer-name:行政办公室}") String unitName) {
    KeyStore.PrivateKeyEntry entry;
    if (keystore != null && !keystore.isBlank()) {
      entry = load(Path.of(keystore.strip()), password, alias);
      this.demo = false;
    } else {
      if (environment.acceptsProfiles(Profiles.of("mysql")) && !demoAllowed) {
        throw new IllegalStateException(
            "未配置单位签名证书：使用 mysql 配置时必须设置 officeflow.signing.keystore（环境变量 OFFICEFLOW_SIGNING_KEYSTORE）、"
                + "officeflow.signing.keystore-password 和 officeflow.signing.key-alias，正式环境不得使用临时生成的证书；"
                + "仅试用环境可设置 OFFICEFLOW_SIGNING_DEMO_CERTIFICATE=true 使用演示证书"
                + "（a unit keystore is required with the mysql profile; see README 签章）");
      }
      entry = demo(Path.of(demoKeystore.strip()), unitName);
      this.demo = true;
      LOG.warn(
          "签章使用自签名演示证书（{}），不具法律效力；正式环境请配置 officeflow.signing.keystore",
          ((X509Certificate) entry.getCertificate()).getSubjectX500Principal().getName());
    }
    this.key = entry.getPrivateKey();
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate c : entry.getCertificateChain()) {
      certificates.add((X509Certificate) c);
    }
    this.chain = Collections.unmodifiableList(certificates);
    try {
      certificate().checkValidity();
    } catch (GeneralSecurityException e) {
      LOG.warn("单位签名证书不在有效期内（{}）：新的签名将无法通过验证，请更换证书", e.getMessage());
    }
  }

  public PrivateKey key() {
    return key;
  }

  /** The signing certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The signing certificate first, then its issuers as the keystore has them. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** Whether this is the self-signed demo certificate. */
  public boolean demo() {
    return demo;
  }

  private static KeyStore.PrivateKeyEntry load(Path path, String password, String alias) {
    if (!Files.isReadable(path)) {
      throw new IllegalStateException(
          "officeflow.signing.keystore 指向的文件不存在或不可读：" + path + "（signing keystore not readable）");
    }
    char[] secret = password == null ? new char[0] : password.toCharArray();
    KeyStore store;
    try {
      store = KeyStore.getInstance(path.toFile(), secret);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "无法打开签名证书库 " + path + "：请检查 officeflow.signing.keystore-password（" + e.getMessage() + "）",
          e);
    }
    try {
      String name = alias == null || alias.isBlank() ? onlyKeyAlias(store, path) : alias.strip();
      if (!store.isKeyEntry(name)) {
        throw new IllegalStateException(
            "签名证书库 " + path + " 中没有别名为 " + name + " 的私钥条目：请检查 officeflow.signing.key-alias");
      }
      return (KeyStore.PrivateKeyEntry)
          store.getEntry(name, new KeyStore.PasswordProtection(secret));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "无法读取签名私钥（officeflow.signing.key-alias）：" + e.getMessage(), e);
    }
  }

  private static String onlyKeyAlias(KeyStore store, Path path) throws GeneralSecurityException {
    List<String> keys = new ArrayList<>();
    for (String a : Collections.list(store.aliases())) {
      if (store.isKeyEntry(a)) {
        keys.add(a);
      }
    }
    if (keys.size() != 1) {
      throw new IllegalStateException(
          "签名证书库 " + path + " 中有 " + keys.size() + " 个私钥条目：请用 officeflow.signing.key-alias 指定一个");
    }
    return keys.get(0);
  }

  /** The demo keystore: read when it exists, made (key, certificate, password file) when not. */
  private static synchronized KeyStore.PrivateKeyEntry demo(Path path, String unitName) {
    Path passwordFile = path.resolveSibling(path.getFileName() + ".password");
    try {
      if (Files.exists(path) && Files.exists(passwordFile)) {
        return load(
            path, Files.readString(passwordFile, StandardCharsets.UTF_8).strip(), DEMO_ALIAS);
      }
      Files.createDirectories(path.toAbsolutePath().getParent());
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      char[] password = HexFormat.of().formatHex(random).toCharArray();
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(3072);
      KeyPair pair = generator.generateKeyPair();
      X509Certificate certificate = selfSigned(pair, unitName);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(DEMO_ALIAS, pair.getPrivate(), password, new Certificate[] {certificate});
      writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.UTF_8));
      try (OutputStream out = Files.newOutputStream(path)) {
        store.store(out, password);
      }
      restrict(path);
      LOG.warn("已生成签章演示证书 {}（保存在 {}）", certificate.getSubjectX500Principal().getName(), path);
      return new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate});
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("无法生成或读取签章演示证书 " + path + "：" + e.getMessage(), e);
    }
  }

  /**
   * A self-signed demo certificate for {@code unitName} (marked {@value #DEMO_MARK}): 10 years, digital signature
   * and non-repudiation. Also how tests make keys of their own.
   */
  public static X509Certificate selfSigned(KeyPair pair, String unitName)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "CN")
            .addRDN(BCStyle.O, unitName)
            .addRDN(BCStyle.OU, "OfficeFlow " + DEMO_MARK + "（不具法律效力）")
            .addRDN(BCStyle.CN, unitName + "（" + DEMO_MARK + "）")
            .build();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()).setBit(63),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(3650))),
            subject,
            pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(pair.getPrivate())));
  }

  private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Files.write(file, content);
    restrict(file);
  }

  private static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system (Windows): the folder's own permissions apply
    }
  }
}
