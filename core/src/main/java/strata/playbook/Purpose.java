package strata.playbook;

/** A short script or purpose shown with a task, in both languages ("" when the model gives none). */
public record Purpose(String zh, String en) {
  public static final Purpose NONE = new Purpose("", "");

  public String text(boolean chinese) {
    return chinese ? zh : en;
  }
}
