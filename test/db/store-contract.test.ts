import { storeContract } from './store-contract.js';
import { tempStore } from '../helpers.js';

storeContract('SQLite', async () => tempStore());
