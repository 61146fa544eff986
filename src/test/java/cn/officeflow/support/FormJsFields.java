package cn.officeflow.support;

import static cn.officeflow.support.TasklistBrowser.expect;
import static cn.officeflow.support.TasklistBrowser.label;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** Filling Camunda Forms (form-js) in Tasklist from browser tests: by the field's label, as a clerk does. */
public final class FormJsFields {

  private FormJsFields() {}

  /**
   * A form-js field by its label; required fields render their label as "标题*" (the asterisk is
   * aria-hidden but part of the label's text), so an exact match would miss them.
   */
  public static Locator field(Locator form, String label) {
    return form.getByLabel(label(label));
  }

  /** Types into a form-js text field and leaves it, which commits the (debounced) value. */
  public static void type(Locator form, String label, String value) {
    Locator field = field(form, label);
    field.fill(value);
    field.blur();
  }

  /**
   * Types into a form-js text field and makes sure the form kept it: on a loaded machine a form-js
   * re-render that follows an earlier click (select, checkbox) or input can reset a field typed into
   * meanwhile, as a clerk would see and type again. Retyped at most three times, then the test fails.
   */
  public static void typeAndKeep(Locator form, String label, String value) {
    Locator field = field(form, label);
    for (int attempt = 1; ; attempt++) {
      field.fill(value);
      field.blur();
      try {
        expect(field).hasValue(value, new LocatorAssertions.HasValueOptions().setTimeout(5_000));
        // form-js marks a required field valid only once the value reached its state
        expect(field)
            .not()
            .hasAttribute(
                "aria-invalid",
                "true",
                new LocatorAssertions.HasAttributeOptions().setTimeout(5_000));
        expect(field).hasValue(value, new LocatorAssertions.HasValueOptions().setTimeout(1_000));
        return;
      } catch (AssertionError e) {
        if (attempt == 3) {
          throw e;
        }
        System.out.println(
            "form-js did not keep 「"
                + label
                + "」; typing it again (attempt "
                + (attempt + 1)
                + ")");
      }
    }
  }

  /** Picks an entry of a form-js select (a dropdown list, not a native select). */
  public static void choose(Locator form, String label, String option) {
    Locator select = selectField(form, label);
    select.locator(".fjs-input-group").click();
    select
        .locator(".fjs-dropdownlist-item")
        .getByText(option, new Locator.GetByTextOptions().setExact(true))
        .click();
    expect(selectDisplay(form, label)).hasText(option);
  }

  public static Locator selectField(Locator form, String label) {
    return form.locator(".fjs-form-field-select")
        .filter(new Locator.FilterOptions().setHas(form.page().getByLabel(label(label))));
  }

  public static Locator selectDisplay(Locator form, String label) {
    return selectField(form, label).locator(".fjs-select-display");
  }
}
