/**
 * The boundary screen as the site's page holds it: the screen itself is an extension page
 * (boundary.html) in a frame, shown once it has loaded. Beneath it, a plain screen of the same
 * boundary with Leave: what she sees for the moment the frame takes to load, and all she needs
 * on a page that keeps tearing our frame out before it can load. Presentational: the content
 * script mounts it in a shadow root and supplies Leave.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { type BoundaryWords, boundaryHeading, boundaryText } from './text/boundary';

export interface ScreenFrameProps extends BoundaryWords {
  /** The screen's address; empty where the site may not frame it (the plain screen is then all). */
  src: string;
  /** Changes when the frame must load afresh (the page took it out and it was put back). */
  frameKey?: string | number;
  onLeave(): void;
}

export function ScreenFrame(props: ScreenFrameProps) {
  const frame = `${props.src}#${props.frameKey ?? ''}`;
  /** Which frame has loaded: a frame loading afresh shows the plain screen until it has. */
  const [loadedFrame, setLoadedFrame] = useState<string>();
  const loaded = loadedFrame === frame;
  return (
    <>
      {loaded ? null : (
        <div class="otf-fallback" role="dialog" aria-modal="true" aria-labelledby="otf-fallback-heading">
          <h1 id="otf-fallback-heading">{boundaryHeading(props)}</h1>
          <p>{boundaryText(props)}</p>
          <button
            type="button"
            onClick={props.onLeave}
            ref={(button) => {
              if (!props.src) button?.focus();
            }}
          >
            {t('boundaryLeave', props.siteName)}
          </button>
        </div>
      )}
      {props.src ? (
        <iframe
          key={frame}
          class={loaded ? 'otf-frame otf-loaded' : 'otf-frame'}
          src={props.src}
          title={t('boundaryFrameTitle')}
          onLoad={(event) => {
            setLoadedFrame(frame);
            // Keys go to the screen at once (it focuses its Leave button inside).
            event.currentTarget.focus();
          }}
        />
      ) : null}
    </>
  );
}
