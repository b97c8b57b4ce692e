import { Global, Module, type DynamicModule } from '@nestjs/common';
import { RefDataHolder, type RefDataSettings } from './refdata.holder';

@Global()
@Module({})
export class RefDataModule {
  static forRoot(settings: RefDataSettings): DynamicModule {
    const holder = {
      provide: RefDataHolder,
      useFactory: async () => {
        const h = new RefDataHolder(settings);
        await h.load();
        return h;
      },
    };
    return { module: RefDataModule, providers: [holder], exports: [holder] };
  }
}
