package cn.officeflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cap on stored files from the database's max_allowed_packet (escaping may double binary data). */
class StoredFileLimitsTest {

  @Test
  void capIsHalfThePacketLessTwoMegabytes() {
    assertThat(StoredFileLimits.cap(16 * StoredFileLimits.MB)).isEqualTo(7 * StoredFileLimits.MB);
    assertThat(StoredFileLimits.cap(64 * StoredFileLimits.MB)).isEqualTo(31 * StoredFileLimits.MB);
    assertThat(StoredFileLimits.cap(256 * StoredFileLimits.MB))
        .isEqualTo(127 * StoredFileLimits.MB);
    assertThat(StoredFileLimits.cap(1024)).isEqualTo(StoredFileLimits.MB);
  }
}
