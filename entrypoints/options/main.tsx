import { render } from 'preact';
import { Options } from '../../components/Options';
import { loadSettings, saveSettings, watchSettings } from '../../utils/settings';

/** The options page: the settings form, kept in step with storage (another tab may change it). */
async function main(root: HTMLElement): Promise<void> {
  const draw = (settings: Awaited<ReturnType<typeof loadSettings>>) =>
    render(
      <Options
        settings={settings}
        onChange={async (change) => {
          await saveSettings(change);
        }}
      />,
      root,
    );
  draw(await loadSettings());
  watchSettings(draw);
}

const root = document.getElementById('app');
if (root) void main(root);
