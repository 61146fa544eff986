package cn.officeflow.supplies;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.files.StoredFile;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.supplies.SuppliesRepository.Asset;
import cn.officeflow.supplies.SuppliesRepository.AssetHistory;
import cn.officeflow.supplies.SuppliesRepository.Disposal;
import cn.officeflow.supplies.SuppliesRepository.Requisition;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST of 物资 for the office. Readers of everything: warehouse, office-director, finance, auditors (and
 * it-support for disposals, which it appraises). Others read their own requisitions and loans (requester,
 * approver, the requester's 部门负责人); anything else is 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/supplies")
public class SuppliesController {

  public static final Set<String> READERS =
      Set.of("warehouse", "office-director", "finance", "auditors");
  public static final Set<String> DISPOSAL_READERS =
      Set.of("warehouse", "office-director", "finance", "auditors", "it-support");

  private final SuppliesRepository repo;
  private final SuppliesService service;
  private final IdentityService identity;
  private final OrgService org;

  public SuppliesController(
      SuppliesRepository repo, SuppliesService service, IdentityService identity, OrgService org) {
    this.repo = repo;
    this.service = service;
    this.identity = identity;
    this.org = org;
  }

  @GetMapping("/requisitions")
  public List<Requisition> requisitions() {
    return CurrentUser.inAnyGroup(identity, READERS)
        ? repo.requisitions(null)
        : repo.requisitions(user());
  }

  @GetMapping("/requisitions/{id}")
  public Requisition requisition(@PathVariable String id) {
    Requisition r = repo.requisition(id).orElseThrow(SuppliesController::notFound);
    if (!mayRead(r)) {
      throw notFound();
    }
    return r;
  }

  /** Current loans (共享领用 not yet returned), earliest return date first. */
  @GetMapping("/loans")
  public List<Requisition> loans() {
    return repo.loans().stream().filter(this::mayRead).toList();
  }

  @GetMapping("/assets")
  public List<Asset> assets() {
    String user = user();
    boolean reader = CurrentUser.inAnyGroup(identity, DISPOSAL_READERS);
    return repo.assets().stream().filter(a -> reader || user.equals(a.holder())).toList();
  }

  public record AssetView(Asset asset, List<AssetHistory> history) {}

  @GetMapping("/assets/{tag}")
  public AssetView asset(@PathVariable String tag) {
    Asset a = repo.asset(tag).orElseThrow(SuppliesController::notFound);
    if (!CurrentUser.inAnyGroup(identity, DISPOSAL_READERS) && !user().equals(a.holder())) {
      throw notFound();
    }
    return new AssetView(a, repo.assetHistory(tag));
  }

  @GetMapping("/disposals")
  public List<Disposal> disposals() {
    return CurrentUser.inAnyGroup(identity, DISPOSAL_READERS) ? repo.disposals() : List.of();
  }

  @GetMapping("/disposals/{id}")
  public Disposal disposal(@PathVariable String id) {
    if (!CurrentUser.inAnyGroup(identity, DISPOSAL_READERS)) {
      throw notFound();
    }
    return repo.disposal(id).orElseThrow(SuppliesController::notFound);
  }

  /** 环保处置证明: warehouse uploads it while the disposal waits at 环保处置 (stored with its SHA-256). */
  @PostMapping("/disposals/{id}/certificate")
  public StoredFile certificate(
      @PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    if (!CurrentUser.inAnyGroup(identity, Set.of(SuppliesService.WAREHOUSE))) {
      throw notFound();
    }
    if (file == null) {
      throw new ValidationException("file", "请选择要上传的环保处置证明文件");
    }
    return service.storeCertificate(
        id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
  }

  private boolean mayRead(Requisition r) {
    String user = user();
    return user.equals(r.requester())
        || user.equals(r.approvedBy())
        || CurrentUser.inAnyGroup(identity, READERS)
        || (r.department() != null
            && SystemAuthentication.call(identity, () -> org.departmentHeads(r.department()))
                .contains(user));
  }

  private String user() {
    return CurrentUser.id(identity).orElseThrow(SuppliesController::notFound);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("没有这条记录");
  }
}
