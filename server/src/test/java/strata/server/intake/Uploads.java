package strata.server.intake;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import strata.server.testing.Api;
import tools.jackson.databind.JsonNode;

/** Multipart uploads and polling of import jobs, over real HTTP. */
public final class Uploads {
  private Uploads() {}

  public static Api.Response upload(Api api, String path, String fileName, byte[] content, Map<String, String> fields) {
    String boundary = "strata-test-boundary-7d1e";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((k, v) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\n\r\n" + v + "\r\n"));
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    return api.send(api.builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Uploads and waits for the job to finish; fails the test if the upload is refused. */
  public static JsonNode importFile(Api api, String fileName, byte[] content, String kind) {
    Api.Response r = upload(api, "/api/v1/imports", fileName, content, Map.of("kind", kind));
    if (r.status() != 202) throw new AssertionError("upload refused: " + r.status() + " " + r.body());
    return await(api, r.json().get("id").asLong());
  }

  public static JsonNode await(Api api, long id) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode job = api.get("/api/v1/imports/" + id).json();
      String status = job.get("status").asString();
      if (status.equals("succeeded") || status.equals("failed")) return job;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("import " + id + " did not finish within a minute");
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
