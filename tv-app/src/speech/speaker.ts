/**
 * Read-aloud behind a small interface: browsers speak through Web Speech, RDK boxes would plug in
 * their TextToSpeech service instead. Lightning's own Announcer forces lang en-US, so it is not used.
 */
export interface Speaker {
  /** Speaks `text`, interrupting whatever is being read. */
  speak(text: string): void;
  cancel(): void;
}

/** Slower than default: elderly listeners asked for unhurried menus. */
export const SPEECH_RATE = 0.85;

export function createWebSpeechSpeaker(
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
): Speaker {
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return silentSpeaker;
  return {
    speak(text) {
      try {
        synth.cancel();
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = 'ja-JP';
        utterance.rate = SPEECH_RATE;
        const voice = synth.getVoices().find((v) => v.lang.replace('_', '-').startsWith('ja'));
        if (voice) utterance.voice = voice;
        synth.speak(utterance);
      } catch {
        // A box without voices must still work silently.
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

export const silentSpeaker: Speaker = { speak() {}, cancel() {} };
