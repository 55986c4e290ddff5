package id.peduli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@EnableAsync
public class PeduliApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeduliApplication.class, args);
    }
}
