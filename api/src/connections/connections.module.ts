import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { loadKeyRing } from '../secrets/key-ring.loader';
import { ConnectionsController } from './connections.controller';
import { SECRET_KEY_RING } from './connections.tokens';

/** Connections saved in settings, and the key ring that seals their secrets (for every module). */
@Global()
@Module({
  controllers: [ConnectionsController],
  providers: [
    {
      provide: SECRET_KEY_RING,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loadKeyRing(config),
    },
  ],
  exports: [SECRET_KEY_RING],
})
export class ConnectionsModule {}
