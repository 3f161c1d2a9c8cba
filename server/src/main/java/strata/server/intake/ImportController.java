package strata.server.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import strata.server.api.Page;
import strata.server.security.Viewer;

/** File imports (admin and analyst, by the security rules). */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {
  private final Imports imports;
  private final ImportPreview preview;

  ImportController(Imports imports, ImportPreview preview) {
    this.imports = imports;
    this.preview = preview;
  }

  @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportPreview.Answer preview(@RequestParam("file") MultipartFile file, @RequestParam("kind") String kind,
      @RequestParam(name = "mapping", required = false) String mapping,
      @RequestParam(name = "encoding", required = false) String encoding,
      @RequestParam(name = "dateFormat", required = false) String dateFormat) {
    ImportOptions options = ImportOptions.parse(Kinds.of(kind, "kind"), mapping, encoding, dateFormat);
    return preview.preview(stream(file), file.getOriginalFilename(), kind, options);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  ImportJob upload(@RequestParam("file") MultipartFile file, @RequestParam("kind") String kind,
      @RequestParam(name = "mapping", required = false) String mapping,
      @RequestParam(name = "encoding", required = false) String encoding,
      @RequestParam(name = "dateFormat", required = false) String dateFormat) {
    ImportOptions options = ImportOptions.parse(Kinds.of(kind, "kind"), mapping, encoding, dateFormat);
    return imports.start(stream(file), file.getOriginalFilename(), kind, options, Viewer.current().username());
  }

  @GetMapping
  Page<ImportJob> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return imports.list(page, size);
  }

  @GetMapping("/{id}")
  ImportJob job(@PathVariable long id) {
    return imports.job(id);
  }

  @GetMapping("/{id}/rejected")
  ResponseEntity<Resource> rejected(@PathVariable long id) {
    FileSystemResource file = new FileSystemResource(imports.rejectedRows(id));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("rejected-" + id + ".csv").build().toString())
        .body(file);
  }

  /** The first rejected rows (at most {@value RejectedRowsPage#MAX}) as JSON, for the import page. */
  @GetMapping("/{id}/rejected-rows")
  RejectedRowsPage.Page rejectedRows(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
    return RejectedRowsPage.read(imports.rejectedRows(id), limit);
  }

  private static java.io.InputStream stream(MultipartFile file) {
    try {
      return file.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload: " + e.getMessage(), e);
    }
  }
}
