package cn.officeflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OfficeFlowApplication {
  public static void main(String[] args) {
    SpringApplication.run(OfficeFlowApplication.class, args);
  }
}
