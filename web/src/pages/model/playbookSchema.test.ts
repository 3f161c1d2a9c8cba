// The form against the fixture that uses every key core's parser accepts (PlaybookSchemaTest in core checks the
// fixture against the parser): a key the parser gains goes into the fixture, and then fails here until the form can
// write it.
import { describe, expect, it } from 'vitest';
import EVERY_KEY from '../../../../core/src/test/resources/strata/playbook/every-key.yaml?raw';
import DEFAULT_MODEL from '../../../../core/src/main/resources/strata/tier/default-model.yaml?raw';
import { formOf, sectionOf } from './playbookForm';
import { readService, writeService } from './playbookYaml';

const TIERS = 3;
const section = (text: string, index: number) => {
  const read = readService(text, index);
  if (!read.ok) throw new Error(read.reason);
  return read.section as Record<string, unknown>;
};
/** Every key path of a section, trigger names and cap scopes included, care items as `care[]`. */
function paths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => paths(v, `${at}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [`${at}.${k}`, ...paths(v, `${at}.${k}`)]);
}

describe('the playbook form and every service key', () => {
  it('writesEverySectionOfTheFixtureFromAnEmptyForm', () => {
    // Each tier's form written into nothing gives the tier's section: every key has a field that writes it.
    for (let i = 0; i < TIERS; i++) {
      const s = section(EVERY_KEY, i);
      const form = formOf(s);
      form.care = form.care.map((c) => ({ ...c, from: null }));
      expect(sectionOf(form, {})).toEqual(s);
    }
    const all = new Set(Array.from({ length: TIERS }, (_, i) => paths(section(EVERY_KEY, i))).flat());
    // The fixture is not empty by accident: a few keys the form used to leave to YAML.
    for (const key of ['.owner.return_to_pool.no_purchase_days', '.caps.quiet_hours', '.escalation.then',
      '.triggers.enter.purpose.en', '.triggers.enter.type', '.care[].type', '.survey.channel', '.holdout.share']) {
      expect(all).toContain(key);
    }
  });

  it('roundTripsTheFixtureAndTheDefaultModelToTheSameText', () => {
    for (const [text, tiers] of [[EVERY_KEY, TIERS], [DEFAULT_MODEL, 4]] as const) {
      for (let i = 0; i < tiers; i++) {
        const s = section(text, i);
        expect(sectionOf(formOf(s), s)).toEqual(s);
        expect(writeService(text, i, sectionOf(formOf(s), s))).toBe(text);
      }
    }
  });

  it('changesOneKeyOfTheFixtureAndKeepsEveryOther', () => {
    const s = section(EVERY_KEY, 0);
    const form = formOf(s);
    form.escalation = { ...form.escalation!, afterDays: 9 };
    const after = section(writeService(EVERY_KEY, 0, sectionOf(form, s)), 0);
    const expected = structuredClone(s);
    (expected.escalation as Record<string, unknown>).after_days = 9;
    expect(after).toEqual(expected);
  });
});
