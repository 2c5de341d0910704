import { useState } from 'preact/hooks';
import { SECTION_IDS, parseSiteList, type Settings } from '../utils/settings';
import { UI_LANGUAGES } from '../utils/i18n/messages';
import { LANGUAGE_CHOICES, optionsStrings as text, strings } from '../utils/strings';

export interface OptionsProps {
  settings: Settings;
  /** Saves a change; resolves when stored. */
  onChange: (change: Partial<Settings>) => Promise<void>;
}

type Choice<K extends keyof Settings> = Settings[K] & string;

/** The settings form (SPEC §2). Every control saves on change. */
export function Options({ settings, onChange }: OptionsProps) {
  const [status, setStatus] = useState('');
  const save = (change: Partial<Settings>) => {
    setStatus('');
    void onChange(change).then(() => setStatus(text.saved));
  };

  return (
    <main class="options">
      <h1>{text.title}</h1>
      <p class="intro">{text.intro}</p>

      <fieldset>
        <legend>{text.autoOpen.legend}</legend>
        {(['article', 'version', 'related'] as const).map((kind) => (
          <Check
            key={kind}
            label={text.autoOpen[kind]}
            checked={settings.autoOpen[kind]}
            onChange={(checked) => save({ autoOpen: { ...settings.autoOpen, [kind]: checked } })}
          />
        ))}
      </fieldset>

      <fieldset>
        <legend>{text.panel.legend}</legend>
        <Radios<Choice<'panelIn'>>
          name="panel-in"
          label={text.panel.panelIn}
          value={settings.panelIn}
          options={text.panel.panelIns}
          onChange={(panelIn) => save({ panelIn })}
        />
        <Radios<Choice<'side'>>
          name="side"
          label={text.panel.side}
          value={settings.side}
          options={text.panel.sides}
          onChange={(side) => save({ side })}
        />
        <Radios<Choice<'layout'>>
          name="layout"
          label={text.panel.layout}
          value={settings.layout}
          options={text.panel.layouts}
          onChange={(layout) => save({ layout })}
        />
        <Radios<Choice<'theme'>>
          name="theme"
          label={text.panel.theme}
          value={settings.theme}
          options={text.panel.themes}
          onChange={(theme) => save({ theme })}
        />
        <Radios<Choice<'language'>>
          name="language"
          label={text.panel.language}
          value={settings.language}
          options={{ auto: text.panel.languageAuto, ...LANGUAGE_CHOICES }}
          langs={UI_LANGUAGES}
          onChange={(language) => save({ language })}
        />
      </fieldset>

      <fieldset>
        <legend>{text.sectionsLegend}</legend>
        {SECTION_IDS.map((id) => (
          <Check
            key={id}
            label={strings.sections[id]}
            checked={settings.sections[id]}
            onChange={(checked) => save({ sections: { ...settings.sections, [id]: checked } })}
          />
        ))}
      </fieldset>

      <fieldset>
        <legend>{text.marks.legend}</legend>
        <Check
          label={text.marks.label}
          checked={settings.marks}
          onChange={(marks) => save({ marks })}
        />
      </fieldset>

      <fieldset>
        <legend>{text.sites.legend}</legend>
        <Radios<Choice<'scope'>>
          name="scope"
          label={text.sites.legend}
          hideLabel
          value={settings.scope}
          options={{ everywhere: text.sites.everywhere, listed: text.sites.listed }}
          onChange={(scope) => save({ scope })}
        />
        <SiteList
          id="only-sites"
          label={text.sites.onlyLabel}
          sites={settings.onlySites}
          onChange={(onlySites) => save({ onlySites })}
        />
        <SiteList
          id="quiet-sites"
          label={text.sites.quietLabel}
          sites={settings.quietSites}
          onChange={(quietSites) => save({ quietSites })}
        />
      </fieldset>

      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}

function Check(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />{' '}
      {props.label}
    </label>
  );
}

function Radios<T extends string>(props: {
  name: string;
  label: string;
  hideLabel?: boolean;
  value: T;
  options: Readonly<Record<T, string>>;
  /** Options named in their own language (the languages): marked so, for screen readers. */
  langs?: readonly string[];
  onChange: (value: T) => void;
}) {
  return (
    <div class="radios" role="radiogroup" aria-label={props.label}>
      {!props.hideLabel && (
        <span class="group-label" aria-hidden="true">
          {props.label}
        </span>
      )}
      {(Object.entries(props.options) as [T, string][]).map(([value, label]) => (
        <label key={value} class="radio" lang={props.langs?.includes(value) ? value : undefined}>
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />{' '}
          {label}
        </label>
      ))}
    </div>
  );
}

function SiteList(props: {
  id: string;
  label: string;
  sites: string[];
  onChange: (sites: string[]) => void;
}) {
  const [rejected, setRejected] = useState<string[]>([]);
  const onBlur = (event: { currentTarget: HTMLTextAreaElement }) => {
    const { sites, rejected: bad } = parseSiteList(event.currentTarget.value);
    setRejected(bad);
    props.onChange(sites);
  };
  return (
    <div class="sites">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={3}
        spellcheck={false}
        defaultValue={props.sites.join('\n')}
        onBlur={onBlur}
        aria-describedby={rejected.length ? `${props.id}-error` : undefined}
      />
      {rejected.length > 0 && (
        <p class="error" id={`${props.id}-error`}>
          {text.sites.rejected(rejected)}
        </p>
      )}
    </div>
  );
}
