// `pcs stonith …` routing table.

import { router } from '../router.js';
import { configCommon } from '../resource/config.js';
import { stonithCreate } from '../resource/create.js';

export const stonithRouter = router(
  {
    create: stonithCreate,
    config: (cli, argv) => configCommon(cli, argv, true),
  },
  ['stonith'],
  'status',
);
