package app.kadr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KadrApplication {

    public static void main(String[] args) {
        // The bundled ffmpeg is the GPL build (libx264, libwebp); JavaCPP picks it by this extension.
        System.setProperty("org.bytedeco.javacpp.platform.extension", "-gpl");
        SpringApplication.run(KadrApplication.class, args);
    }
}
