package nl.partnershipregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RegistryPropertiesTest {

  private static RegistryProperties.Embedded embedded(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("registry", RegistryProperties.class)
        .embedded();
  }

  @Test
  void the_embedded_server_keeps_its_data_in_a_file_compressed_fast_unless_told_otherwise() {
    RegistryProperties.Embedded embedded = embedded(Map.of());

    assertThat(embedded.mode()).isEqualTo(RegistryProperties.Mode.FILE);
    assertThat(embedded.dataDir().normalize()).isEqualTo(Path.of("./data").normalize());
    assertThat(embedded.port()).isZero();
    assertThat(embedded.compression()).isEqualTo(RegistryProperties.Compression.FAST);
  }

  @Test
  void the_compression_is_read_from_its_setting_as_written_in_the_readme() {
    RegistryProperties.Embedded embedded =
        embedded(
            Map.of(
                "registry.embedded.compression", "small",
                "registry.embedded.data-dir", "/var/lib/registry"));

    assertThat(embedded.compression()).isEqualTo(RegistryProperties.Compression.SMALL);
    assertThat(embedded.dataDir()).isEqualTo(Path.of("/var/lib/registry"));
    assertThat(embedded.mode()).isEqualTo(RegistryProperties.Mode.FILE);
  }

  @Test
  void a_compression_the_registry_does_not_know_is_refused_rather_than_taken_for_the_default() {
    assertThatThrownBy(() -> embedded(Map.of("registry.embedded.compression", "smallest")))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("registry.embedded.compression");
  }
}
