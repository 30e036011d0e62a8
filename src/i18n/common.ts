/**
 * Strings shared by several elements (namespace `common`): labels of the usual categories and
 * services, "your choices were saved", "close". Read them with `t('common:saved')`.
 */
import nl from './locales/nl.json';
import en from './locales/en.json';
import { registerStrings } from './strings.js';

registerStrings('common', { nl, en });
