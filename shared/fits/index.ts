/** A small FITS reader and writer in pure TypeScript (browser and Node alike). */
export { FitsError, type FitsErrorCode } from './fitsError';
export { gunzipIfNeeded, isGzip } from './gzip';
export { Header, parseHeader, type CardValue } from './header';
export { FitsFile, type Hdu, type HduKind } from './hdu';
export { readImageRow, readImageRowInto } from './image';
export { openTable, findColumn, readColumn, readColumnInto, columnLength, readString, type Table, type Column, type ColumnType } from './bintable';
