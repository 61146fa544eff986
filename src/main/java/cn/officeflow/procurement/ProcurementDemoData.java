package cn.officeflow.procurement;

import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.procurement.ProcurementRepository.Budget;
import cn.officeflow.procurement.ProcurementRepository.Supplier;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo suppliers and budgets (current and next quarter for the demo departments), only with demo data
 * ({@code officeflow.demo.enabled}); idempotent: nothing that exists is touched.
 */
@Component
@ConditionalOnProperty(name = "officeflow.demo.enabled", havingValue = "true")
public class ProcurementDemoData implements ApplicationRunner {

  static final List<String> DEPARTMENTS =
      List.of("dept-business", "dept-finance", "dept-office", "dept-hr", "dept-legal");

  private final ProcurementRepository repo;

  public ProcurementDemoData(ProcurementRepository repo) {
    this.repo = repo;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    LocalDateTime now = EngineClock.now();
    supplier("晨光文具示范供应商", SupplierService.STRATEGIC, "办公用品,耗材", "周明", "13900000001", now);
    supplier("得力办公示范供应商", SupplierService.ORDINARY, "办公用品,耗材", "吴芳", "13900000002", now);
    supplier("联想办公设备示范供应商", SupplierService.STRATEGIC, "办公设备,电子产品", "郑强", "13900000003", now);
    supplier("华为电子示范供应商", SupplierService.ORDINARY, "办公设备,电子产品", "王磊", "13900000004", now);
    supplier("欧派家具示范供应商", SupplierService.ORDINARY, "家具", "李娟", "13900000005", now);
    supplier("圣奥家具示范供应商", SupplierService.ORDINARY, "家具", "赵云", "13900000006", now);
    Quarter current = Quarter.of(now.toLocalDate());
    for (Quarter q : List.of(current, current.next())) {
      for (String dept : DEPARTMENTS) {
        if (repo.budget(dept, q.toString()).isEmpty()) {
          boolean office = dept.equals("dept-office");
          repo.insertBudget(
              new Budget(
                  UUID.randomUUID().toString(),
                  dept,
                  q.toString(),
                  new BigDecimal(office ? "200000.00" : "100000.00"),
                  new BigDecimal(office ? "150000.00" : "80000.00"),
                  BigDecimal.ZERO,
                  BigDecimal.ZERO,
                  0),
              "system",
              now);
        }
      }
    }
  }

  private void supplier(
      String name,
      String grade,
      String categories,
      String contact,
      String phone,
      LocalDateTime now) {
    if (repo.supplierNamed(name).isEmpty()) {
      repo.insertSupplier(
          new Supplier(
              UUID.randomUUID().toString(),
              name,
              grade,
              categories,
              contact,
              phone,
              null,
              null,
              true,
              null,
              0),
          now);
    }
  }
}
