import type { LiveTopic } from './hub';

/**
 * Put on a board to make it live: the page re-fetches itself and swaps <main> when an event of
 * one of `topics` arrives. `sound` lists event types that also beep (e.g. a new watch alert).
 */
export function LiveScript(props: { topics: LiveTopic[]; sound?: string[] }) {
  return (
    <script
      src="/console/live/client.js"
      data-topics={props.topics.join(',')}
      data-sound={props.sound?.join(',')}
      defer
    />
  );
}
