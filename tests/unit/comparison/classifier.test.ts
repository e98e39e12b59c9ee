import { describe, expect, it } from 'vitest';
import {
  classify,
  compileLexicon,
  fold,
  LEXICON_THEMES,
  type Lexicon,
  type Theme,
  words,
} from '@/utils/comparison/classifier';
import { lexiconFor } from '@/utils/comparison/lexicon';

const en = lexiconFor('en');
const themesOf = (text: string, extra?: string[]): Theme[] => classify(text, en, extra).themes;

/** A small lexicon for the scoring rules, so each case shows one rule. */
const tiny: Lexicon = {
  lang: 'xx',
  themes: {
    'spotless-home': { strong: ['spotless', 'clean home'], weak: ['tidy', 'gleaming', 'organi*'] },
    'body-bounce-back': { strong: [], weak: [] },
    'perfect-routine': { strong: ['5am'], weak: ['routine'] },
    'do-it-all': { strong: [], weak: [] },
    'perfect-children': { strong: [], weak: [] },
    'lavish-lifestyle': { strong: [], weak: [] },
  },
  boosters: ['perfect', 'goals'],
  neutral: ['perfect weather', 'clean energy'],
  dampeners: ['real life', '% off'],
  negators: ['not', 'far from'],
  hashtags: { cleanhome: 'clean home' },
};

describe('classify: each theme on its own', () => {
  it.each<[string, Theme]>([
    ['Spotless kitchen before the guests arrive ✨', 'spotless-home'],
    ['Pantry goals: labelled jars, matching baskets, not one thing out of place', 'spotless-home'],
    ['Ten weeks postpartum and back in my jeans, no excuses', 'body-bounce-back'],
    ['She snapped back so fast after the twins', 'body-bounce-back'],
    ['My 5am routine with cold plunge and journaling', 'perfect-routine'],
    ['Morning routine: matcha, affirmations, gratitude list', 'perfect-routine'],
    ['Full time job, side hustle, three kids. You can do it all.', 'do-it-all'],
    ['Supermom: gym, two meetings and homemade bread all before 9am', 'do-it-all'],
    ['Matching outfits for the family photos, the kids never had a tantrum', 'perfect-children'],
    ['Balloon arch, dessert table, custom cake: her picture perfect party', 'perfect-children'],
    ['Business class to the Maldives with the little ones', 'lavish-lifestyle'],
    ['Push present reveal! He got me the designer bag', 'lavish-lifestyle'],
  ])('%s → %s', (text, theme) => {
    const result = classify(text, en);
    expect(result.trap).toBe(true);
    expect(result.themes).toContain(theme);
    expect(result.matched.length).toBeGreaterThan(0);
  });

  it('names the words behind a theme, as they appear (folded) in the post', () => {
    expect(classify('Our SPOTLESS home, #CleanHome', en)).toEqual({
      trap: true,
      themes: ['spotless-home'],
      matched: ['spotless', 'clean home'],
    });
  });

  it('can show several themes, in the lexicon order', () => {
    expect(themesOf('Dream home tour: a spotless white kitchen and an infinity pool')).toEqual([
      'spotless-home',
      'lavish-lifestyle',
    ]);
  });
});

describe('classify: ordinary posts that share words with the traps', () => {
  it.each([
    'Perfect weather for the park today!',
    'Our town switched to clean energy this year',
    'Clean eating recipe: lentil soup, ingredients below',
    'Cleaning spray 20% off this week only, shop now',
    "Our house is a disaster and that's fine",
    'No filter, real life mess: toys everywhere and we are happy',
    'Went for a run because it makes me feel good',
    'Birthday party today, cake everywhere and a lot of noise',
    'Road works on the high street until Friday',
    'Not perfect, not spotless, but it is ours',
    'Nobody is perfect, least of all me before coffee',
    'Woke up at 5am again because of teething. Send coffee.',
    'Our football team kept a clean sheet!',
    'The kids are asleep and I am eating cereal for dinner',
    '',
    '🙂🙂🙂',
  ])('%j is not a trap', (text) => {
    expect(classify(text, en)).toEqual({ trap: false, themes: [], matched: [] });
  });
});

describe('scoring', () => {
  it('one strong cue is enough', () => {
    expect(classify('spotless', tiny).themes).toEqual(['spotless-home']);
  });

  it('one weak cue is not; two weak cues of one theme are', () => {
    expect(classify('tidy', tiny).trap).toBe(false);
    expect(classify('tidy and gleaming', tiny).themes).toEqual(['spotless-home']);
  });

  it('weak cues of two different themes do not add up', () => {
    expect(classify('tidy routine', tiny).trap).toBe(false);
  });

  it('a booster backs up a weak cue, but counts once and never alone', () => {
    expect(classify('perfect tidy', tiny)).toEqual({
      trap: true,
      themes: ['spotless-home'],
      matched: ['tidy', 'perfect'],
    });
    expect(classify('perfect goals perfect', tiny).trap).toBe(false);
    expect(classify('perfect goals', tiny).trap).toBe(false);
    expect(classify('spotless, perfect goals, real life', tiny).trap).toBe(false);
  });

  it('a dampener takes away one strong cue; more cues outweigh it', () => {
    expect(classify('spotless, real life', tiny).trap).toBe(false);
    expect(classify('spotless clean home, real life', tiny).trap).toBe(true);
    expect(classify('spotless clean home, real life, 20% off', tiny).trap).toBe(false);
  });

  it('the same weak cue twice counts once', () => {
    expect(classify('tidy, tidy, tidy', tiny).trap).toBe(false);
    expect(classify('the local pool is shut, so the paddling pool it is', en).trap).toBe(false);
  });

  it('the same dampener twice counts once', () => {
    expect(classify('spotless clean home, real life, real life', tiny).trap).toBe(true);
  });

  it('a negator cancels what follows within three words, in the same clause only', () => {
    expect(classify('not spotless', tiny).trap).toBe(false);
    expect(classify('far from a spotless house', tiny).trap).toBe(false);
    expect(classify('not that I mind, spotless', tiny).trap).toBe(true);
    expect(classify('not one two spotless', tiny).trap).toBe(false);
    expect(classify('not one two three spotless', tiny).trap).toBe(true);
    expect(classify('not real life: spotless', tiny).trap).toBe(true);
  });

  it('the longest phrase wins, so a neutral phrase hides its words', () => {
    expect(classify('perfect weather, tidy', tiny).trap).toBe(false);
    expect(classify('perfect tidy weather', tiny).trap).toBe(true);
  });

  it('a word ending in * matches words starting so, and not shorter ones', () => {
    expect(classify('organised and tidy', tiny).matched).toEqual(['organised', 'tidy']);
    expect(classify('organ and tidy', tiny).trap).toBe(false);
  });

  it('phrases do not match across clause punctuation', () => {
    expect(classify('clean. home', tiny).trap).toBe(false);
    expect(classify('clean home', tiny).trap).toBe(true);
  });
});

describe('normalisation', () => {
  it('folds case, diacritics, compatibility forms and curly apostrophes', () => {
    expect(fold('SPÓTLÉSS ﬁne that’s')).toBe("spotless fine that's");
    expect(classify('SPÓTLÉSS', tiny).trap).toBe(true);
  });

  it('splits camel-case and underscored hashtags, and listed run-together ones', () => {
    const hashtags = compileLexicon(tiny).hashtags;
    expect(words('#CleanHome #clean_home #cleanhome #unlisted', hashtags)).toEqual([
      'clean',
      'home',
      'clean',
      'home',
      'clean',
      'home',
      'unlisted',
    ]);
    expect(classify('#cleanhome', tiny).matched).toEqual(['clean home']);
  });

  it('reads a run-together hashtag as any phrase of two or more words, or as listed', () => {
    expect(classify('#bouncedback', en).matched).toEqual(['bounced back']);
    expect(classify('#whatsyourexcuse', en).matched).toEqual(["what's your excuse"]);
    expect(classify('#fitmama', en).matched).toEqual(['fit mom']);
    expect(classify('#morningroutine', en).themes).toEqual(['perfect-routine']);
    expect(classify('#perfectweather', en).trap).toBe(false);
  });

  it('drops emoji and symbols, keeps % and marks clause breaks', () => {
    expect(words('✨ 20% off!! 🧽 now… really?')).toEqual(['20', '%', 'off', '|', 'now', '|', 'really', '|']);
  });

  it('keeps the hour of a clock time', () => {
    expect(words('Up at 4:45, coffee at 5.30am, 6:00 am run, £12.50')).toEqual([
      'up',
      'at',
      '4',
      '|',
      'coffee',
      'at',
      '5am',
      '|',
      '6',
      'am',
      'run',
      '|',
      '12',
    ]);
    expect(classify('Up at 4:45 every day', en).themes).toEqual(['perfect-routine']);
  });

  it('keeps letters of other scripts as words', () => {
    expect(words('Привет, мир')).toEqual(['привет', '|', 'мир']);
  });
});

describe('her own trigger words', () => {
  it('count alone, as the theme own-words, whatever the lexicon says', () => {
    expect(classify('A gender reveal at the beach', en, ['gender reveal'])).toEqual({
      trap: true,
      themes: ['own-words'],
      matched: ['gender reveal'],
    });
    expect(classify('Perfect weather for the gender reveal, real life', en, ['Gender Reveal']).themes).toEqual([
      'own-words',
    ]);
  });

  it('come after the lexicon themes and add their words to matched', () => {
    expect(classify('Spotless nursery for the gender reveal', en, ['gender reveal'])).toEqual({
      trap: true,
      themes: ['spotless-home', 'own-words'],
      matched: ['spotless', 'gender reveal'],
    });
  });

  it('match whole words only, folded like the post, and change when the list changes', () => {
    expect(classify('Her yachts are huge', tiny, ['yacht']).trap).toBe(false);
    expect(classify('Café brunch again', tiny, ['CAFE']).themes).toEqual(['own-words']);
    expect(classify('Café brunch again', tiny, ['brunch']).matched).toEqual(['brunch']);
    expect(classify('Café brunch again', tiny, []).trap).toBe(false);
  });

  it('ignore empty words', () => {
    expect(classify('anything at all', tiny, ['', '  ', '🙂']).trap).toBe(false);
  });
});

describe('compiling', () => {
  it('a compiled lexicon classifies like the lexicon it came from', () => {
    const compiled = compileLexicon(en);
    for (const text of ['Spotless kitchen!', 'perfect weather', '5am club', 'Hello']) {
      expect(classify(text, compiled)).toEqual(classify(text, en));
    }
  });

  it('every theme of the lexicon can be shown', () => {
    expect(LEXICON_THEMES).toHaveLength(6);
    for (const theme of LEXICON_THEMES) {
      const strong = en.themes[theme].strong[0] as string;
      expect(themesOf(strong.replace(/\*/g, ''))).toContain(theme);
    }
  });
});
