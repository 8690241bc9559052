/**
 * Every screen the first view does not show, as one chunk (lazyScreens.tsx loads it): one
 * request and one module to evaluate once the list has shown, not one per screen — each would
 * take one of the browser's six connections to the server while a batch's items are asked for.
 */
export { BrowseScreen } from '../browse/BrowseScreen';
export { DeskScreen } from '../desk/DeskScreen';
export { SpectrographScreen } from '../spectrograph/SpectrographScreen';
export { SettingsPanel } from './SettingsPanel';
export { SignInDialog } from './SignIn';
