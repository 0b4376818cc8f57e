import { expose } from 'comlink';
import { FileEngine } from './file-engine';
import { FILE_ENGINE_METHODS, guarded } from './protocol';

// The browser mode's engine, off the UI thread: reading the file, analysing, planning and patching run here.
expose(guarded(new FileEngine(), [...FILE_ENGINE_METHODS]));
