package strata.server.backup;

import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import strata.server.security.Viewer;

/** Backups (admin only, by the security rules): take one, list them, download one. */
@RestController
@RequestMapping("/api/v1/admin/backups")
class BackupController {
  private final Backups backups;

  BackupController(Backups backups) {
    this.backups = backups;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Backups.BackupFile create() {
    return backups.create(Viewer.current().username());
  }

  @GetMapping
  List<Backups.BackupFile> list() {
    return backups.list();
  }

  @GetMapping("/{name}")
  ResponseEntity<Resource> download(@PathVariable String name) {
    FileSystemResource file = new FileSystemResource(backups.file(name, Viewer.current().username()));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(file);
  }
}
