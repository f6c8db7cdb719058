/**
 * Read-aloud behind a small interface: browsers speak through Web Speech, RDK boxes would plug in
 * their TextToSpeech service instead. Lightning's own Announcer forces lang en-US, so it is not used.
 */
export interface Speaker {
  /**
   * Starts reading `text` and calls `done` once when it has been read, failed or was cancelled.
   * Ordering and interruption belong to `SpeechQueue`, not to the speaker.
   */
  speak(text: string, done: () => void): void;
  cancel(): void;
}

/** Slower than default: elderly listeners asked for unhurried menus. */
export const SPEECH_RATE = 0.85;

/**
 * Some engines never fire `end` (no voice, a stalled service); the queue must not wait for ever.
 * Japanese at rate 1 is about 8 morae a second; allow well over that before giving up.
 */
export function longestReadMs(text: string, rate = SPEECH_RATE): number {
  return 3_000 + (text.length * 400) / rate;
}

export function createWebSpeechSpeaker(
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
): Speaker {
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return silentSpeaker;
  return {
    speak(text, done) {
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(guard);
        done();
      };
      const guard = setTimeout(finish, longestReadMs(text));
      try {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = 'ja-JP';
        utterance.rate = SPEECH_RATE;
        const voice = synth.getVoices().find((v) => v.lang.replace('_', '-').startsWith('ja'));
        if (voice) utterance.voice = voice;
        utterance.onend = finish;
        utterance.onerror = finish;
        synth.speak(utterance);
      } catch {
        // A box without voices must still work silently.
        setTimeout(finish, 0);
      }
    },
    cancel() {
      try {
        synth.cancel();
      } catch {
        // see speak()
      }
    },
  };
}

export const silentSpeaker: Speaker = {
  speak(_text, done) {
    setTimeout(done, 0);
  },
  cancel() {},
};
